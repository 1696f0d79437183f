package dev.driftless.cli.command;

import picocli.CommandLine.Option;

/** The lock timeout, for commands that change the database. */
public final class RunnerOptions {

    @Option(names = "--lock-timeout", paramLabel = "DURATION",
            description = "How long to wait for another run's migration lock, e.g. 90s, 5m (default: 'lock-timeout' in"
                    + " driftless.yaml, else 3m). Then exit 1 naming who holds it.")
    String lockTimeout;
}
