package dev.driftless.cli.command;

import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import picocli.CommandLine.Option;

/** {@code --format text|json} for a command that reports: json is one document on standard output (docs/json.md). */
public final class OutputFormat {

    @Option(names = "--format", paramLabel = "text|json",
            description = "Output format: text (default) or json, one JSON document on standard output (docs/json.md).")
    String format = "text";

    /** Whether the report is JSON; an unknown format is a usage error before anything runs. */
    boolean json() {
        return switch (format) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new DriftlessException(ExitCode.USAGE, "unknown output format '" + format
                    + "' (use text or json)");
        };
    }
}
