package dev.driftless.api;

import dev.driftless.generator.entity.SequenceIdColumn;
import dev.driftless.generator.findings.Finding;
import dev.driftless.generator.findings.Findings;
import dev.driftless.generator.render.Identifiers;
import dev.driftless.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequences the application takes ids from that would hand out ids their tables already hold: a {@code bigserial}'s
 * rows or an import left behind by a sequence Hibernate now uses, rows inserted with explicit ids. Structure and model
 * agree, so only the data tells; {@code validate} reports each, with the entity's id field and the {@code setval} that
 * fixes it. Hibernate's pooled optimizer (its default) takes the block that ends at the value {@code nextval} returns;
 * {@code pooled-lo} the block that starts there ({@code hibernate.id.optimizer.pooled.preferred}).
 */
final class SequencesBehind {

    private SequencesBehind() {
    }

    /** @param optimizer {@code hibernate.id.optimizer.pooled.preferred} as the application sets it, or null */
    static List<Finding> of(Connection connection, List<SequenceIdColumn> ids, String optimizer, Findings findings)
            throws SQLException {
        boolean blockStartsAtNext = optimizer != null && optimizer.strip().toLowerCase(java.util.Locale.ROOT).contains("lo");
        List<Finding> behind = new ArrayList<>();
        for (SequenceIdColumn id : ids) {
            if (id.increment() < 1) {
                continue; // a descending sequence: its ids are below, not above
            }
            Long next = nextValue(connection, id.sequence());
            if (next == null) {
                continue; // not there yet: diff creates it, starting after the ids
            }
            Long largest = largestId(connection, id.table(), id.column());
            // a value below the increment (a fresh sequence) starts Hibernate's first pooled block where it is
            long lowest = id.increment() > 1 && !blockStartsAtNext && next >= id.increment() ? next - id.increment() + 1 : next;
            if (largest != null && lowest <= largest) {
                behind.add(findings.sequenceBehind(id.sequence(), id.table(), id.column(), lowest, largest,
                        Math.max(1, id.increment())));
            }
        }
        return behind;
    }

    /** What {@code nextval} would return, without calling it; null when the sequence does not exist or is not readable. */
    private static Long nextValue(Connection connection, QualifiedName sequence) throws SQLException {
        String name = Identifiers.quote(sequence.schema()) + "." + Identifiers.quote(sequence.name());
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next() || !rows.getBoolean(1)) {
                    return null;
                }
            }
        }
        // the sequence's own row: pg_sequences shows no last value after setval(…, false) or before the first nextval
        String sql = "SELECT CASE WHEN s.is_called THEN s.last_value + q.seqincrement ELSE s.last_value END FROM " + name
                + " s, pg_catalog.pg_sequence q WHERE q.seqrelid = '" + name.replace("'", "''") + "'::regclass";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? (Long) rows.getObject(1, Long.class) : null;
        } catch (SQLException e) {
            return null; // not readable by this role: nothing can be said
        }
    }

    private static Long largestId(Connection connection, QualifiedName table, String column) throws SQLException {
        String sql = "SELECT max(" + Identifiers.quote(column) + ")::bigint FROM " + Identifiers.quote(table.schema()) + "."
                + Identifiers.quote(table.name());
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? (Long) rows.getObject(1, Long.class) : null;
        } catch (SQLException e) {
            return null; // no such table or column yet, or not a number: the structural findings say so
        }
    }
}
