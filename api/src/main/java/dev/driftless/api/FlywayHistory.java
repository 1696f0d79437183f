package dev.driftless.api;

import dev.driftless.generator.adopt.FlywayFolder;
import dev.driftless.generator.adopt.FlywayVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Flyway's history table ({@code flyway_schema_history} unless named otherwise) says ran, and which of a
 * folder's migrations that makes applied: exactly those Flyway would call "Success", checksums compared as Flyway
 * compares them (a versioned file's over its text as written, a repeatable's over its SQL with the placeholders
 * replaced or, as Flyway also accepts, as written).
 *
 * @param table the table as named
 * @param rows  its rows by {@code installed_rank}
 */
record FlywayHistory(String table, List<Row> rows) {

    /** Flyway's row types that are not a migration: the schema it created, a deleted (repaired-away) row. */
    private static final String SCHEMA = "SCHEMA";
    private static final String BASELINE_COMMAND = "BASELINE";
    /** The type Flyway records a {@code B} baseline migration under. */
    private static final String SQL_BASELINE = "SQL_BASELINE";

    FlywayHistory {
        rows = List.copyOf(rows);
    }

    /** One row; {@code version} is null for a repeatable, {@code checksum} null where Flyway recorded none. */
    record Row(int rank, FlywayVersion version, String description, String type, String script, Integer checksum,
               boolean success) {
    }

    /**
     * The folder's migrations the history records as applied, and what the reader should know about the rest.
     *
     * @param applied the migrations (files) to record as applied
     * @param notes   one line each: migrations the history has no file for, files it never ran below its version,
     *                repeatables changed since they ran
     */
    record Applied(List<FlywayFolder.Migration> applied, List<String> notes) {
    }

    /** Empty when the table does not exist. */
    static Optional<FlywayHistory> read(Connection connection, String table) throws SQLException {
        String relation; // as PostgreSQL names it, quoted where needed: safe to put into the query
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)::text")) {
            exists.setString(1, table);
            try (ResultSet r = exists.executeQuery()) {
                if (!r.next() || r.getString(1) == null) {
                    return Optional.empty();
                }
                relation = r.getString(1);
            }
        } catch (SQLException e) {
            throw new SQLException("cannot read " + table + ": " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery("SELECT installed_rank, version, description, type, script, checksum,"
                     + " success FROM " + relation + " ORDER BY installed_rank")) {
            while (r.next()) {
                String version = r.getString(2);
                int checksum = r.getInt(6);
                rows.add(new Row(r.getInt(1), version == null || version.isBlank() ? null : FlywayVersion.parse(version),
                        r.getString(3), r.getString(4), r.getString(5), r.wasNull() ? null : checksum, r.getBoolean(7)));
            }
        }
        return Optional.of(new FlywayHistory(table, rows));
    }

    /**
     * @throws DriftlessException (failure) when a migration failed, or an applied migration's file is not what ran
     */
    Applied applied(FlywayFolder folder) {
        rows.stream().filter(r -> !r.success()).findFirst().ifPresent(r -> {
            throw new DriftlessException(ExitCode.FAILURE, table + " records a failed migration (" + name(r) + ", "
                    + r.script() + "): finish or repair it with Flyway first (flyway repair); nothing was imported");
        });
        Map<String, Row> versioned = new LinkedHashMap<>();
        Map<String, Row> repeatable = new LinkedHashMap<>();
        FlywayVersion current = null;
        FlywayVersion baselineCommand = null;
        for (Row row : rows) {
            if (SCHEMA.equals(row.type()) || row.type().startsWith("DELETE") || row.type().startsWith("UNDO")) {
                continue; // Flyway's own markers; an undone or deleted version counts as not applied by its later rows
            }
            if (row.version() == null) {
                repeatable.put(row.description(), row);
                continue;
            }
            versioned.put(key(row.version()), row);
            current = current == null || row.version().compareTo(current) > 0 ? row.version() : current;
            if (BASELINE_COMMAND.equals(row.type())) {
                baselineCommand = row.version();
            }
        }
        List<FlywayFolder.Migration> applied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (FlywayFolder.Migration m : folder.migrations()) {
            if (m.version() == null) {
                repeatable(m, repeatable.remove(m.description()), applied, notes);
            } else {
                versioned(m, versioned.remove(key(m.version())), current, baselineCommand, applied, notes);
            }
        }
        FlywayVersion covered = folder.migrations().stream()
                .filter(m -> m.kind() == FlywayFolder.Kind.BASELINE).map(FlywayFolder.Migration::version).findFirst().orElse(null);
        versioned.values().stream()
                .filter(r -> !BASELINE_COMMAND.equals(r.type()) && (covered == null || r.version().compareTo(covered) > 0))
                .forEach(r -> notes.add(table + " records " + name(r) + " (" + r.script() + ") as applied, but the folder has"
                        + " no file for it (Flyway calls it missing)"));
        return new Applied(List.copyOf(applied), List.copyOf(notes));
    }

    private void versioned(FlywayFolder.Migration m, Row row, FlywayVersion current, FlywayVersion baselineCommand,
                           List<FlywayFolder.Migration> applied, List<String> notes) {
        if (row != null && !BASELINE_COMMAND.equals(row.type())) {
            if (m.kind() != FlywayFolder.Kind.BASELINE || SQL_BASELINE.equals(row.type())) {
                requireSameChecksum(m, row); // else the row is the V migration of that version, not this file
            }
            applied.add(m);
        } else if (baselineCommand != null && m.version().compareTo(baselineCommand) <= 0) {
            applied.add(m); // below `flyway baseline`: Flyway never runs it on this database
        } else if (m.kind() == FlywayFolder.Kind.BASELINE && current != null) {
            if (m.version().compareTo(current) > 0) {
                throw new DriftlessException(ExitCode.FAILURE, "the database is at version " + current.display()
                        + " by " + table + ", below the baseline " + m.fileName() + "; Flyway would not use that"
                        + " baseline on it either, and the versions between are not in the folder. Migrate it with"
                        + " Flyway to " + m.version().display() + " first; nothing was imported");
            }
            applied.add(m); // the versions it stands for ran one by one
        } else if (current != null && m.version().compareTo(current) < 0) {
            notes.add(m.fileName() + " is below the database's version " + current.display() + " but " + table
                    + " has no record of it (Flyway calls it ignored): driftless apply will run it");
        }
    }

    private void repeatable(FlywayFolder.Migration m, Row row, List<FlywayFolder.Migration> applied, List<String> notes) {
        if (row == null) {
            return;
        }
        if (row.checksum() != null && !m.checksumMatches(row.checksum())) {
            notes.add(m.fileName() + " changed since Flyway last ran it: driftless apply runs it again, as Flyway would");
            return;
        }
        applied.add(m);
    }

    private void requireSameChecksum(FlywayFolder.Migration m, Row row) {
        if (row.checksum() != null && !m.checksumMatches(row.checksum())) {
            throw new DriftlessException(ExitCode.FAILURE, m.fileName() + " is not the script that ran: " + table
                    + " records checksum " + row.checksum() + " for " + name(row) + ", the file's is " + m.checksum()
                    + ". Restore the file as it ran (or run flyway repair if the edit is deliberate); nothing was imported");
        }
    }

    /** Versions equal as Flyway compares them share a key: {@code 1.0} and {@code 1}. */
    private static String key(FlywayVersion version) {
        List<java.math.BigInteger> parts = new ArrayList<>(version.parts());
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return parts.toString();
    }

    private static String name(Row row) {
        return row.version() == null ? "repeatable '" + row.description() + "'" : "version " + row.version().display();
    }
}
