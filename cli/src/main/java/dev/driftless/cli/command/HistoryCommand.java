package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import dev.driftless.api.RunnerReports;
import dev.driftless.changelogs.AuditEntry;
import dev.driftless.changelogs.HistoryEntry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {
        "List the applied changesets, oldest first: id, author, file, applied at, execution time, tag, who and why.",
        "With --failures or --rollbacks, the failed apply attempts or the rollbacks driftless recorded instead."})
public final class HistoryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--failures", description = "List the failed apply attempts: when, how long, who, why and the error.")
    boolean failures;

    @Option(names = "--rollbacks", description = "List the rollbacks: which changeset, when, who and why.")
    boolean rollbacks;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean json = output.json();
        PrintWriter out = spec.commandLine().getOut();
        Driftless.HistoryResult history = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).history();
        if (json) {
            out.print(RunnerReports.history(history, only()));
            return ExitCode.OK.code();
        }
        if (failures || rollbacks) {
            List<AuditEntry> shown = history.attempts().stream()
                    .filter(a -> failures && a.kind() == AuditEntry.Kind.APPLY && a.failed()
                            || rollbacks && a.kind() == AuditEntry.Kind.ROLLBACK)
                    .toList();
            shown.forEach(a -> print(out, a));
            out.println(shown.size() + " " + (failures && rollbacks ? "failed attempt(s) and rollback(s)"
                    : failures ? "failed attempt(s)" : "rollback(s)") + " recorded.");
            return ExitCode.OK.code();
        }
        if (history.entries().isEmpty()) {
            out.println("No changesets applied to " + history.target() + " yet.");
        } else {
            history.entries().forEach(e -> print(out, e));
            out.println(history.entries().size() + " changeset(s) applied.");
        }
        int failed = history.failures().size();
        int rolledBack = history.rollbacks().size();
        if (failed + rolledBack > 0) {
            out.println("Also recorded: " + failed + " failed attempt(s), " + rolledBack
                    + " rollback(s) (driftless history --failures / --rollbacks).");
        }
        return ExitCode.OK.code();
    }

    private Set<String> only() {
        Set<String> only = new LinkedHashSet<>();
        if (failures) {
            only.add("failures");
        }
        if (rollbacks) {
            only.add("rollbacks");
        }
        return only;
    }

    private static void print(PrintWriter out, HistoryEntry e) {
        out.println(e.appliedAt() + "  " + e.changeset().file() + " :: " + e.changeset().id() + " (" + e.changeset().author()
                + ")  " + (e.executionTime() == null ? "-" : e.executionTime().toMillis() + " ms")
                + (e.execType() != null && !e.execType().equals("EXECUTED") ? "  " + e.execType() : "")
                + (e.tag() != null ? "  [tag " + e.tag() + "]" : "")
                + (e.appliedBy() != null ? "  by " + e.appliedBy() : "")
                + (e.reason() != null ? "  reason: " + e.reason() : ""));
    }

    private static void print(PrintWriter out, AuditEntry a) {
        String what = a.kind() == AuditEntry.Kind.ROLLBACK ? (a.failed() ? "rollback FAILED" : "rolled back") : "FAILED";
        out.println(a.startedAt() + "  " + what + "  " + a.changeset().file() + " :: " + a.changeset().id()
                + " (" + a.changeset().author() + ")  " + a.took().toMillis() + " ms"
                + (a.osUser() != null ? "  by " + a.osUser() : "")
                + (a.reason() != null ? "  reason: " + a.reason() : ""));
        if (a.error() != null) {
            a.error().lines().forEach(line -> out.println("    " + line));
        }
    }
}
