package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-sql", mixinStandardHelpOptions = true, description = {
        "Wrap a folder of numbered .sql migrations (001_add_optimizer_tables.sql, ...) into the changelog in their",
        "order, one changeset per file, sent as written. They have no rollback: rollback refuses to pass them."})
public final class ImportSqlCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "DIR", description = "The folder of numbered .sql files.")
    Path folder;

    @Option(names = "--mark-applied", description = "Also record them as applied on the target (they already ran there).")
    boolean markApplied;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Driftless.ImportResult result = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).importSql(folder.toAbsolutePath(), markApplied);
        result.files().forEach(f -> out.println("imported " + f.getFileName()));
        out.println("Imported " + result.files().size() + " file(s)" + (markApplied
                ? " and recorded them as applied." : "; driftless apply runs them."));
        return ExitCode.OK.code();
    }
}
