package dev.driftless.cli.command;

import dev.driftless.api.BatchedBackfills;
import dev.driftless.api.Config;
import dev.driftless.api.ExitCode;
import dev.driftless.generator.render.ChangelogWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", mixinStandardHelpOptions = true, description = {
        "Write an empty formatted-SQL changeset for a change the entities cannot express (a data migration, a backfill), named and included in the master like a generated one.",
        "Fill in its SQL and its rollback: check and rollback refuse it until the rollback is written.",
        "With --batched --table SCHEMA.TABLE: a template that updates the table in batches ordered by its primary key (read from the target database; a single-column key), each batch committed on its own (runInTransaction:false), its progress shown by apply, and a re-run after a kill going on with the rows that still need the update. Fill in its SET, its condition (twice) and its rollback."})
public final class NewCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "NAME", description = "What the change does, e.g. \"backfill sharpe ratio\".")
    String name;

    @Option(names = "--batched", description = "Write a batched data migration template (needs --table).")
    boolean batched;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE",
            description = "The table a --batched migration updates, e.g. backtester.backtest_history.")
    String table;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Rows per batch (and per commit) of a --batched migration (default: "
                    + BatchedBackfills.DEFAULT_BATCH_SIZE + ").")
    Integer batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (name.isBlank()) {
            return usage("give the change a name, e.g. driftless new \"backfill sharpe ratio\"");
        }
        if (!batched && (table != null || batchSize != null)) {
            return usage("--table and --batch-size go with --batched, e.g. driftless new --batched \"" + name
                    + "\" --table backtester.backtest_history");
        }
        if (batched && table == null) {
            return usage("--batched needs the table to update, e.g. --table backtester.backtest_history");
        }
        Config config = options.load(null, null);
        config.writableMaster();
        Path file = batched
                ? BatchedBackfills.write(config, name, table,
                        batchSize == null ? BatchedBackfills.DEFAULT_BATCH_SIZE : batchSize,
                        Clock.systemUTC().instant(), Progress.to(spec.commandLine().getErr()))
                : new ChangelogWriter(config.ddl(), config.runner().master())
                        .writeBlank(config.changelogDirectory(), name, Clock.systemUTC().instant());
        spec.commandLine().getOut().println("Wrote " + file + " and included it in "
                + config.master().name() + ".");
        spec.commandLine().getOut().println(batched
                ? "Fill in the places marked 'driftless:' (the SET and the condition, twice) and the '-- rollback' line, then run driftless check."
                : "Replace its two placeholders (the SQL and the '-- rollback' line), then run driftless check.");
        return ExitCode.OK.code();
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return ExitCode.USAGE.code();
    }
}
