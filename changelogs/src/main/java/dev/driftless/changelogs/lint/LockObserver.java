package dev.driftless.changelogs.lint;

import dev.driftless.changelogs.ChangesetRef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays changesets on a scratch database and records what each statement really did: the table locks it took
 * (read from {@code pg_locks} inside the changeset's transaction, before it commits) and the tables it rewrote (their
 * {@code relfilenode} changed). Observed, not guessed: a type change PostgreSQL can relabel shows no rewrite, a
 * foreign key shows the lock it takes on the referenced table too.
 *
 * <p>Only tables that existed before the changeset count: what a changeset does to a table it creates itself blocks
 * nobody. A changeset that runs outside a transaction ({@code runInTransaction:false}, e.g. CONCURRENTLY) releases its
 * locks as each statement ends, so its locks cannot be read afterwards: only its rewrites are observed.
 */
public final class LockObserver {

    /** What one statement did to tables that existed before its changeset. */
    public record StatementObservation(String statement, List<String> locks, List<String> rewritten, boolean locksObserved) {
        public StatementObservation {
            locks = List.copyOf(locks);
            rewritten = List.copyOf(rewritten);
        }

        /** {@code ACCESS EXCLUSIVE on public.orders; rewrote public.orders}, or {@code no lock on an existing table}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!locksObserved) {
                parts.add("locks not observable (outside a transaction)");
            } else if (locks.isEmpty()) {
                parts.add("no lock on an existing table");
            } else {
                parts.add(String.join(", ", locks));
            }
            if (!rewritten.isEmpty()) {
                parts.add("rewrote " + String.join(", ", rewritten));
            }
            return String.join("; ", parts);
        }
    }

    /** A changeset and what each of its statements did, in order. */
    public record ChangesetObservation(ChangesetRef changeset, List<StatementObservation> statements) {
        public ChangesetObservation {
            statements = List.copyOf(statements);
        }
    }

    /**
     * @param changesets what was replayed and observed, in order
     * @param failure    the statement that failed and the server's message, when the replay stopped early; else null
     */
    public record Replay(List<ChangesetObservation> changesets, String failure) {
        public Replay {
            changesets = List.copyOf(changesets);
        }
    }

    private static final String USER_TABLES = """
            SELECT c.oid, format('%I.%I', n.nspname, c.relname), c.relfilenode
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'""";

    private static final String OWN_TABLE_LOCKS = """
            SELECT l.relation, l.mode FROM pg_locks l
             WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted""";

    /** Replays {@code changesets} in order on {@code connection} (a scratch database: they are really applied). */
    public Replay replay(Connection connection, List<ChangesetSql> changesets) throws SQLException {
        List<ChangesetObservation> observed = new ArrayList<>();
        for (ChangesetSql changeset : changesets) {
            Map<Long, Table> existing = tables(connection);
            List<StatementObservation> statements = new ArrayList<>();
            boolean inTransaction = changeset.runInTransaction();
            connection.setAutoCommit(!inTransaction);
            try (Statement statement = connection.createStatement()) {
                Map<String, Integer> held = new HashMap<>();
                for (String sql : changeset.statements()) {
                    try {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        if (inTransaction) {
                            connection.rollback();
                        }
                        observed.add(new ChangesetObservation(changeset.changeset(), statements));
                        return new Replay(observed, changeset.location() + " " + changeset.changeset().id() + ": "
                                + e.getMessage().lines().findFirst().orElse(""));
                    }
                    List<String> locks = inTransaction ? newLocks(connection, existing, held) : List.of();
                    statements.add(new StatementObservation(sql.strip(), locks, rewritten(connection, existing), inTransaction));
                }
            }
            if (inTransaction) {
                connection.commit();
            }
            observed.add(new ChangesetObservation(changeset.changeset(), statements));
        }
        connection.setAutoCommit(true);
        return new Replay(observed, null);
    }

    private record Table(String name, long fileNode) {
    }

    private static Map<Long, Table> tables(Connection connection) throws SQLException {
        Map<Long, Table> tables = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(USER_TABLES)) {
            while (rows.next()) {
                tables.put(rows.getLong(1), new Table(rows.getString(2), rows.getLong(3)));
            }
        }
        return tables;
    }

    /** PostgreSQL's table lock modes, weakest first. */
    private static final List<String> MODES = List.of("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE",
            "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

    /**
     * The strongest lock the transaction now holds on each existing table, where it is stronger than before this
     * statement: what the statement added. {@code held} carries the strongest mode per table through the changeset.
     */
    private static List<String> newLocks(Connection connection, Map<Long, Table> existing, Map<String, Integer> held)
            throws SQLException {
        Map<String, Integer> now = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(OWN_TABLE_LOCKS)) {
            while (rows.next()) {
                Table table = existing.get(rows.getLong(1));
                if (table != null) {
                    now.merge(table.name(), MODES.indexOf(mode(rows.getString(2))), Math::max);
                }
            }
        }
        List<String> fresh = new ArrayList<>();
        now.forEach((table, mode) -> {
            if (mode > held.getOrDefault(table, -1)) {
                held.put(table, mode);
                fresh.add(MODES.get(mode) + " on " + table);
            }
        });
        fresh.sort(null);
        return fresh;
    }

    /** {@code AccessExclusiveLock} as people write it: {@code ACCESS EXCLUSIVE}. */
    private static String mode(String lockName) {
        return lockName.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }

    /** Existing tables whose file changed: they were rewritten (so far in this changeset). */
    private static List<String> rewritten(Connection connection, Map<Long, Table> existing) throws SQLException {
        List<String> rewritten = new ArrayList<>();
        for (Map.Entry<Long, Table> now : tables(connection).entrySet()) {
            Table before = existing.get(now.getKey());
            if (before != null && before.fileNode() != now.getValue().fileNode()) {
                rewritten.add(before.name());
                existing.put(now.getKey(), now.getValue());
            }
        }
        rewritten.sort(null);
        return rewritten;
    }
}
