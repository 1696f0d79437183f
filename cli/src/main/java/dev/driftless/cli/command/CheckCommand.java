package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RunnerReports;
import dev.driftless.api.Gate;
import dev.driftless.api.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Offline, on a throwaway embedded PostgreSQL: replay every changelog from empty, prove each changeset's rollback restores the schema exactly, and compare the result with the entity classes.",
        "With --url, also fail when a changeset applied there was edited since. Exit 0 when all agree, 1 "
                + "otherwise."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ChangesetFilterOptions filter;

    @Option(names = "--github-annotations", negatable = true,
            description = "Print GitHub Actions ::error annotations (default: on when GITHUB_ACTIONS=true).")
    Boolean githubAnnotations;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = output.json();
        Gate.CheckResult result = new Driftless(filter.applyTo(options.load(null, null)), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).check();
        if (json) {
            out.print(RunnerReports.check(result));
            return result.passes() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
        }
        String took = String.format(Locale.ROOT, "%.1f s", result.took().toMillis() / 1000.0);
        String replay = result.verified();
        for (Gate.Problem problem : result.problems()) {
            out.println("✗ " + problem.message());
        }
        if (!result.modelChanges().isEmpty()) {
            out.println("The entities have " + result.modelChanges().size()
                    + " change(s) with no changelog; run `driftless diff` to generate one:");
            Reports.findings(result.modelChanges(), out, Reports.colourful());
            out.println();
        }
        if (githubAnnotations != null ? githubAnnotations : "true".equals(System.getenv("GITHUB_ACTIONS"))) {
            String workspace = System.getenv("GITHUB_WORKSPACE");
            Reports.github(result.modelChanges(), out,
                    workspace != null && !workspace.isBlank() ? Path.of(workspace) : Path.of("").toAbsolutePath());
            result.problems().forEach(p -> out.println("::error title=driftless check: " + p.kind() + "::"
                    + p.message().replace("%", "%25").replace("\n", "%0A")));
        }
        if (result.passes()) {
            out.println("OK: the changelogs (" + replay + ") and the entities agree (" + took + ").");
            return ExitCode.OK.code();
        }
        out.println("check failed (" + replay + ", " + took + ").");
        return ExitCode.FAILURE.code();
    }
}
