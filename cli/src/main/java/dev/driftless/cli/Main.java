package dev.driftless.cli;

import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import dev.driftless.api.MaskingWriter;

import dev.driftless.cli.command.AcceptChecksumCommand;
import dev.driftless.cli.command.MarkAppliedCommand;
import dev.driftless.cli.command.ApplyCommand;
import dev.driftless.cli.command.BackupCommand;
import dev.driftless.cli.command.BackupsCommand;
import dev.driftless.cli.command.AdoptCommand;
import dev.driftless.cli.command.BaselineCommand;
import dev.driftless.cli.command.CheckCommand;
import dev.driftless.cli.command.DiffCommand;
import dev.driftless.cli.command.HistoryCommand;
import dev.driftless.cli.command.LintCommand;
import dev.driftless.cli.command.NewCommand;
import dev.driftless.cli.command.InitCommand;
import dev.driftless.cli.command.DoctorCommand;
import dev.driftless.cli.command.ImportSqlCommand;
import dev.driftless.cli.command.RestoreCommand;
import dev.driftless.cli.command.RollbackCommand;
import dev.driftless.cli.command.StatusCommand;
import dev.driftless.cli.command.ReleaseCommand;
import dev.driftless.cli.command.TagCommand;
import dev.driftless.cli.command.ValidateChangelogCommand;
import dev.driftless.cli.command.ValidateCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

// INHERIT: every subcommand takes -V and shows the exit codes, as the top-level command does.
@Command(name = "driftless", mixinStandardHelpOptions = true, version = "driftless 0.1.0-SNAPSHOT",
        scope = CommandLine.ScopeType.INHERIT,
        description = "Model-first database migrations for JPA on PostgreSQL: the entity classes are the truth.",
        subcommands = {DiffCommand.class, ApplyCommand.class, ReleaseCommand.class, StatusCommand.class, RollbackCommand.class,
                TagCommand.class, HistoryCommand.class, ValidateChangelogCommand.class, AcceptChecksumCommand.class, MarkAppliedCommand.class,
                BaselineCommand.class, AdoptCommand.class, ImportSqlCommand.class, BackupCommand.class, BackupsCommand.class,
                RestoreCommand.class, ValidateCommand.class, CheckCommand.class, LintCommand.class, NewCommand.class,
                InitCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success, or nothing to do",
                "  1  failure: changes pending where none may be, a changeset failed,",
                "     drift found (validate, check), the lock was not free in time,",
                "     an invalid changelog",
                "  2  usage or configuration error: a bad flag, an unreachable database,",
                "     missing classes"})
public final class Main implements Runnable {

    /**
     * The PostgreSQL driver logs through java.util.logging straight to stderr, past the masking writers; what it says
     * there (an invalid port) our own message says too. Held here because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Hibernate logs through jboss-logging; route it to SLF4J, whose no-op backend keeps the output ours.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        DRIVER_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI as the launcher does, with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        // Every line shown passes through Secrets.mask: a driver or library may echo a URL with its password.
        PrintWriter out = new PrintWriter(new MaskingWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new MaskingWriter(rawErr), true);
        CommandLine cli = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(Main::reportUsageError)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + e.getMessage());
                    if (verbose) {
                        e.printStackTrace(commandLine.getErr());
                    } else if (!(e instanceof DriftlessException)) {
                        commandLine.getErr().println("(run again with --verbose for the full cause)");
                    }
                    commandLine.getErr().flush();
                    return e instanceof DriftlessException d ? d.exitCode().code() : ExitCode.FAILURE.code();
                });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * A mistyped flag gets one line, the nearest command or option when there is one, and where the whole usage is:
     * a wall of usage text hides the one word that was wrong.
     */
    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        boolean suggested = e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty();
        if (suggested) {
            err.println("Did you mean: " + String.join(" or ", ((CommandLine.UnmatchedArgumentException) e)
                    .getSuggestions()) + "?");
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE.code();
    }
}
