package dev.driftless.cli.command;

import dev.driftless.changelogs.HistoryEntry;
import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {
        "List the applied changesets, oldest first: id, author, file, applied at, execution time, tag."})
public final class HistoryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    String format = "text";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new DriftlessException(ExitCode.USAGE, "unknown history format '" + format + "' (use text or json)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Driftless.HistoryResult history = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).history();
        if (format.equals("json")) {
            out.println(json(history.entries()));
            return ExitCode.OK.code();
        }
        if (history.entries().isEmpty()) {
            out.println("No changesets applied to " + history.target() + " yet.");
            return ExitCode.OK.code();
        }
        for (HistoryEntry e : history.entries()) {
            out.println(e.appliedAt() + "  " + e.changeset().file() + " :: " + e.changeset().id() + " (" + e.changeset().author()
                    + ")  " + (e.executionTime() == null ? "-" : e.executionTime().toMillis() + " ms")
                    + (e.execType() != null && !e.execType().equals("EXECUTED") ? "  " + e.execType() : "")
                    + (e.tag() != null ? "  [tag " + e.tag() + "]" : ""));
        }
        out.println(history.entries().size() + " changeset(s) applied.");
        return ExitCode.OK.code();
    }

    static String json(List<HistoryEntry> entries) {
        List<String> objects = new ArrayList<>();
        for (HistoryEntry e : entries) {
            objects.add("  {\"id\": " + quote(e.changeset().id()) + ", \"author\": " + quote(e.changeset().author())
                    + ", \"file\": " + quote(e.changeset().file())
                    + ", \"appliedAt\": " + quote(e.appliedAt() == null ? null : e.appliedAt().toString())
                    + ", \"executionTimeMs\": " + (e.executionTime() == null ? "null" : e.executionTime().toMillis())
                    + ", \"tag\": " + quote(e.tag()) + ", \"execType\": " + quote(e.execType())
                    + ", \"comment\": " + quote(e.comment()) + "}");
        }
        return objects.isEmpty() ? "[]" : "[\n" + String.join(",\n", objects) + "\n]";
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
