package dev.driftless.maven;

import dev.driftless.api.Driftless;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.changelogs.MissingChangesets;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the changesets in the changelogs, applied (when, tag) or pending, as {@code driftless status}. */
@Mojo(name = "status", threadSafe = true)
public final class StatusMojo extends DriftlessMojo {

    @Override
    String goal() {
        return "status";
    }

    @Override
    void run() {
        Driftless driftless = driftless(config());
        List<ChangesetStatus> statuses = driftless.status();
        if (statuses.isEmpty()) {
            info("No changesets yet: run driftless:diff to generate the first changelog.");
            return;
        }
        MissingChangesets missing = driftless.missing();
        for (ChangesetStatus s : statuses) {
            info((s.applied() ? "applied  " : "pending  ") + s.changeset().file() + " :: " + s.changeset().id()
                    + (s.applied() && s.appliedAt() != null ? "  (" + s.appliedAt() + ")" : "")
                    + (s.tag() != null ? "  [tag " + s.tag() + "]" : ""));
        }
        missing.missing().forEach(m -> info("missing  " + m.file() + " :: " + m.id() + "  (applied, no longer in the changelog)"));
        String others = missing.describeOtherChangelogs(driftless.changelogDirectory());
        if (!others.isEmpty()) {
            info(others + ".");
        }
        long pending = statuses.stream().filter(s -> !s.applied()).count();
        info((statuses.size() - pending) + " applied, " + pending + " pending"
                + (missing.missing().isEmpty() ? "." : ", " + missing.missing().size() + " missing."));
    }
}
