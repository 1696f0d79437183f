package dev.driftless.bench;

import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.generator.render.ChangelogWriter;
import dev.driftless.generator.render.ChangelogFormat;
import dev.driftless.generator.render.DdlSettings;
import dev.driftless.model.Change;
import dev.driftless.model.CheckConstraint;
import dev.driftless.model.ForeignKey;
import dev.driftless.model.Index;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.ReferentialAction;
import dev.driftless.model.UniqueConstraint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the online forms cost {@code apply} on populated tables (issue 10): N tables of R rows each get the changes a
 * model change typically brings to existing tables — an index, a unique key, a foreign key, a check, a NOT NULL and a
 * narrowing type change — rendered once as {@code diff} writes them by default (online) and once with
 * {@code --simple-ddl}, each applied through driftless's runner (Liquibase) to its own copy of the populated database.
 * The online forms trade time for locks that let reads and writes go on; this prints how much time.
 *
 * <p>Usage, from the checkout: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)"
 * dev.driftless.bench.SafeDdlCost [N [ROWS [REPETITIONS]]]} (defaults: 100 tables, 10 000 rows, 3 repetitions).
 */
public final class SafeDdlCost {

    private SafeDdlCost() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Layout.findRoot(Path.of("")).resolve("bench/target/safe-ddl-cost");
        List<Change> changes = changes(tables);
        System.out.printf(Locale.ROOT, "apply of %d changes on %d populated tables of %d rows each (%d repetitions)%n",
                changes.size(), tables, rows, repetitions);
        try (EmbeddedServer server = EmbeddedServer.start(work.resolve("pg/data"), false)) {
            populate(server, tables, rows);
            for (DdlSettings settings : List.of(DdlSettings.DEFAULT.simple(), DdlSettings.DEFAULT)) {
                Path changelogs = work.resolve(settings.online() ? "online" : "simple");
                deleteTree(changelogs);
                ChangelogWriter.Written written = new ChangelogWriter(settings).write(changelogs, changes,
                        settings.online() ? "online" : "simple", ChangelogFormat.SQL, Instant.parse("2026-01-01T00:00:00Z"));
                List<Double> seconds = new ArrayList<>();
                for (int i = -1; i < repetitions; i++) { // run -1 warms the JVM and Liquibase up, untimed
                    String copy = "safe_ddl_" + (settings.online() ? "online" : "simple") + "_" + i;
                    server.dropDatabase(copy);
                    server.createDatabase(copy, "populated");
                    try (Connection connection = server.connect(copy)) {
                        long start = System.nanoTime();
                        new ChangelogRunner(connection, changelogs).apply();
                        if (i >= 0) {
                            seconds.add((System.nanoTime() - start) / 1e9);
                        }
                    }
                    server.dropDatabase(copy);
                }
                seconds.sort(null);
                System.out.printf(Locale.ROOT, "  %-28s %4d changesets   median %6.2f s   (runs: %s)%n",
                        settings.online() ? "online (default)" : "--simple-ddl", written.changeSets().size(),
                        seconds.get(seconds.size() / 2), seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
            }
        }
    }

    private static QualifiedName table(int i) {
        return QualifiedName.of("public", "t" + i);
    }

    /** Per table: an index, a unique key, a foreign key to t0, a check, a NOT NULL and a narrowing type change. */
    private static List<Change> changes(int tables) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            QualifiedName t = table(i);
            changes.add(new Change.AlterColumnType(t, "label", "character varying(200)", "character varying(100)"));
            changes.add(new Change.AlterColumnNullability(t, "label", false));
            changes.add(new Change.AddUniqueConstraint(t, new UniqueConstraint("t" + i + "_code_key", List.of("code"))));
            changes.add(new Change.AddCheckConstraint(t, new CheckConstraint("t" + i + "_amount_check", "CHECK ((amount >= 0))")));
            changes.add(new Change.CreateIndex(t, new Index("t" + i + "_amount_idx", List.of("amount"), false, "btree", null)));
            if (i > 0) {
                changes.add(new Change.AddForeignKey(t, new ForeignKey("t" + i + "_parent_fk", List.of("parent_id"), table(0),
                        List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)));
            }
        }
        return changes;
    }

    private static void populate(EmbeddedServer server, int tables, int rows) throws Exception {
        server.dropDatabase("populated");
        server.createDatabase("populated", "template0");
        try (Connection connection = server.connect("populated"); Statement statement = connection.createStatement()) {
            for (int i = 0; i < tables; i++) {
                statement.execute("CREATE TABLE t" + i + " (id bigint PRIMARY KEY, code text, label varchar(200),"
                        + " amount numeric(19,4), parent_id bigint)");
                statement.execute("INSERT INTO t" + i + " SELECT g, 'c' || g, 'label ' || g, g % 1000, 1 + g % " + rows
                        + " FROM generate_series(1, " + rows + ") AS g");
            }
            statement.execute("ANALYZE");
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
