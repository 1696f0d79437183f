package dev.driftless.cli.command;

import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-sql", mixinStandardHelpOptions = true, description = {
        "Wrap a folder of SQL migrations into the changelog, one changeset per file, sent as written, followed by the adoption point.",
        "A Flyway folder (V1_2__x.sql, B1__x.sql, R__x.sql) is read in Flyway's order: the newest baseline, "
                + "the versions above it, then the repeatables (run again when they change); otherwise numbered files "
                + "(001_x.sql) in their order. Every file not imported is listed with the reason. They have no "
                + "rollback: rollback refuses to pass them.",
        "A Flyway folder's placeholders ($${name}, $${flyway:defaultSchema}, ...) are replaced as the application's Flyway "
                + "replaces them: flyway.conf, spring.flyway.placeholders.*, then --placeholder; a placeholder without a "
                + "value refuses the import."})
public final class ImportSqlCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "DIR", description = "The folder of migrations.")
    Path folder;

    @Option(names = "--mark-applied", description = {"Also record as applied on the target what already ran there: for",
            "Flyway, exactly what its history table says succeeded (refused when a file's checksum differs)."})
    boolean markApplied;

    @Option(names = "--table", paramLabel = "NAME", description = {"Flyway's history table (default spring.flyway.table,",
            "else flyway_schema_history, in the configured default schema)."})
    String table;

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE", description = {"A Flyway placeholder's value (repeatable),",
            "winning over flyway.conf and spring.flyway.placeholders.*; e.g. owner=app or flyway:defaultSchema=ledger."})
    List<String> placeholders = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Driftless.ImportResult result = new Driftless(options.load(null, null), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).importSql(folder.toAbsolutePath(), markApplied, table,
                placeholders());
        result.files().forEach(f -> out.println("imported " + f.getFileName()));
        result.skipped().forEach(s -> out.println("skipped " + s));
        result.notes().forEach(n -> out.println("note: " + n));
        int changesets = result.files().size() + 1; // and the adoption point
        int pending = changesets - result.marked().size();
        out.println("Imported " + result.files().size() + " " + result.kind() + " file(s)"
                + (result.skipped().isEmpty() ? "" : " (skipped " + result.skipped().size() + ")")
                + ", then the adoption point; " + (!markApplied ? "driftless apply runs them."
                : "recorded " + result.marked().size() + " of the " + changesets + " changeset(s) as applied"
                + (pending == 0 ? "." : "; driftless apply runs the other " + pending + ".")));
        return ExitCode.OK.code();
    }

    private Map<String, String> placeholders() {
        Map<String, String> given = new LinkedHashMap<>();
        for (String p : placeholders) {
            int equals = p.indexOf('=');
            if (equals <= 0) {
                throw new DriftlessException(ExitCode.USAGE, "--placeholder " + p + ": expected NAME=VALUE, e.g. owner=app");
            }
            given.put(p.substring(0, equals), p.substring(equals + 1));
        }
        return given;
    }
}
