package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.Gate;
import dev.driftless.api.Reports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, description = {
        "Compare the entity classes with the live database, read-only, and report every difference at once, grouped by table, each with the entity's file and line.",
        "Exit 0 when they agree, 1 when anything differs."})
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ChangesetFilterOptions filter;

    // "human" was this option's first name for text; scripts that pass it keep working.
    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output: text (default; colours on a terminal) or json (schema in docs/validate.md).")
    String format;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report: a test case per table, a failure per difference.")
    Path junit;

    @Option(names = "--github-annotations", negatable = true,
            description = "Print GitHub Actions ::error annotations (default: on when GITHUB_ACTIONS=true).")
    Boolean githubAnnotations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("human") && !format.equals("json")) {
            spec.commandLine().getErr().println("error: unknown output format '" + format + "' (use text or json)");
            return ExitCode.USAGE.code();
        }
        Gate.ValidateResult result = new Driftless(filter.applyTo(options.load(null, null)), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).validateWithResult();
        if (format.equals("json")) {
            out.print(Reports.json(result));
        } else {
            Reports.human(result, out, Reports.colourful());
        }
        if (junit != null) {
            Reports.junit(result, junit);
        }
        if (githubAnnotations != null ? githubAnnotations : "true".equals(System.getenv("GITHUB_ACTIONS"))) {
            String workspace = System.getenv("GITHUB_WORKSPACE");
            Reports.github(result.findings(), out,
                    workspace != null && !workspace.isBlank() ? Path.of(workspace) : Path.of("").toAbsolutePath());
        }
        out.flush();
        return result.agrees() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }
}
