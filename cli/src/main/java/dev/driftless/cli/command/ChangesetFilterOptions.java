package dev.driftless.cli.command;

import dev.driftless.api.Config;
import picocli.CommandLine.Option;

/** The Liquibase contexts and labels to read the changelog with, for every command that reads it. */
public final class ChangesetFilterOptions {

    @Option(names = "--contexts", paramLabel = "EXPRESSION",
            description = "Liquibase contexts to read the changelog with, e.g. prod (default: 'contexts' in driftless.yaml, else all).")
    String contexts;

    @Option(names = "--labels", paramLabel = "EXPRESSION",
            description = "Liquibase label expression to read the changelog with (default: 'labels' in driftless.yaml, else all).")
    String labels;

    /** {@code config} with these where given. */
    Config applyTo(Config config) {
        return config.withFilter(contexts, labels);
    }
}
