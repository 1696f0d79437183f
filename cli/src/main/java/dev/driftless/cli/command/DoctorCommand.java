package dev.driftless.cli.command;

import dev.driftless.api.Doctor;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = {
        "Check what driftless needs: Java, the build (compiled classes, class path), the entities, the naming, the database (when a URL is configured) and the dev or embedded database.",
        "One line per check, with how to fix each that fails; exit 1 if any fails."})
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Doctor.Check> checks = new Doctor(options.load(null, null), Progress.to(spec.commandLine().getErr())).run();
        for (Doctor.Check check : checks) {
            out.println((check.ok() ? "✓ " : "✗ ") + check.name() + ": " + check.detail()
                    + (check.ok() ? "" : "\n    fix: " + check.fix().replace("\n", "\n    ")));
        }
        return checks.stream().allMatch(Doctor.Check::ok) ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }
}
