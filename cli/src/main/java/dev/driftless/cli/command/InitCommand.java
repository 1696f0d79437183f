package dev.driftless.cli.command;

import dev.driftless.api.ExitCode;
import dev.driftless.api.ProjectInit;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true, description = {
        "Write a commented driftless.yaml at the project root from what is there: the compiled classes (and, in a Maven module, 'classpath: maven'), the changelog folder (Spring Boot's db/changelog when the project has that layout), the naming and default schema of the application's configuration.",
        "Never a password."})
public final class InitCommand implements Callable<Integer> {

    @Option(names = "--force", description = "Replace an existing driftless.yaml.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Show the cause of errors in full.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectInit.Written written = ProjectInit.write(Path.of("").toAbsolutePath(), force);
        spec.commandLine().getOut().println("Wrote " + written.file() + ": " + String.join(", ", written.found()) + ".");
        spec.commandLine().getOut().println("Review it, then run driftless doctor.");
        return ExitCode.OK.code();
    }
}
