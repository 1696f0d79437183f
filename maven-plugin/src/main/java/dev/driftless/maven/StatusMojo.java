package dev.driftless.maven;

import dev.driftless.api.Driftless;
import dev.driftless.api.StatusResult;
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
        StatusResult status = driftless.status();
        if (status.changesets().isEmpty()) {
            info("No changesets yet: run driftless:diff to generate the first changelog.");
            return;
        }
        status.lines(driftless.changelogDirectory(), "").forEach(this::info);
    }
}
