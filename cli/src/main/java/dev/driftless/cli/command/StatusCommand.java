package dev.driftless.cli.command;

import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.api.Driftless;
import dev.driftless.changelogs.MissingChangesets;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RunnerReports;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, description = {
        "List the changesets in the changelogs: which are applied and which are pending."})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ChangesetFilterOptions filter;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = output.json();
        Driftless driftless = new Driftless(filter.applyTo(options.load(null, null)), Clock.systemUTC(), Progress.to(spec.commandLine().getErr()));
        List<ChangesetStatus> statuses = driftless.status();
        MissingChangesets missing = statuses.isEmpty() ? MissingChangesets.NONE : driftless.missing();
        if (json) {
            out.print(RunnerReports.status(statuses, missing));
            return ExitCode.OK.code();
        }
        if (statuses.isEmpty()) {
            out.println("No changesets yet: run driftless diff to generate the first changelog.");
            return ExitCode.OK.code();
        }
        long pending = statuses.stream().filter(s -> !s.applied()).count();
        for (ChangesetStatus s : statuses) {
            out.println((s.applied() ? "applied  " : "pending  ") + s.changeset().file() + " :: " + s.changeset().id()
                    + (s.applied() && s.appliedAt() != null ? "  (" + s.appliedAt() + ")" : "")
                    + (s.tag() != null ? "  [tag " + s.tag() + "]" : "")
                    + (s.reapplied() ? "  (rolled back before, applied again)" : ""));
        }
        missing.missing().forEach(m -> out.println("missing  " + m.file() + " :: " + m.id()
                + "  (applied, no longer in the changelog)"));
        String others = missing.describeOtherChangelogs(driftless.changelogDirectory());
        if (!others.isEmpty()) {
            out.println(others + ".");
        }
        out.println((statuses.size() - pending) + " applied, " + pending + " pending"
                + (missing.missing().isEmpty() ? "." : ", " + missing.missing().size() + " missing (apply refuses until"
                + " they are back, or with --ignore-missing)."));
        return ExitCode.OK.code();
    }
}
