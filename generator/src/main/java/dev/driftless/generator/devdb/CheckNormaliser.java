package dev.driftless.generator.devdb;

import dev.driftless.generator.render.Identifiers;
import dev.driftless.generator.render.SqlRenderer;
import dev.driftless.model.Change;
import dev.driftless.model.EnumType;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.CheckConstraint;
import dev.driftless.model.Column;
import dev.driftless.model.Schema;
import dev.driftless.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * PostgreSQL's printed form of a check constraint is not a fixed point: Hibernate's
 * {@code check (status in ('A','B'))} prints as {@code … ANY ((ARRAY['A'::character varying, …])::text[])},
 * and that text, run again, prints as {@code … ANY (ARRAY[('A'::character varying)::text, …])}, which then stays.
 * So a database built from our own changelog and the model read through the dev database disagree in spelling only.
 *
 * <p>This runs every check constraint that has no exact twin on the other side once more through a scratch
 * database and takes the printed form from there; a second round changes nothing, so both sides meet.
 * Checks it cannot recreate (a column of a type the scratch database lacks) keep their text.
 */
public final class CheckNormaliser {

    private final ScratchDatabases server;

    public CheckNormaliser(ScratchDatabases server) {
        this.server = server;
    }

    public record Normalised(Schema actual, Schema desired) {
    }

    private record Candidate(String scratchTable, Table table, CheckConstraint check) {
    }

    public Normalised normalise(Schema actual, Schema desired) {
        Map<String, Table> actualTables = byName(actual);
        Map<String, Table> desiredTables = byName(desired);
        List<Candidate> candidates = new ArrayList<>();
        for (Table wanted : desired.tables()) {
            Table existing = actualTables.get(wanted.name().toString());
            if (existing != null) {
                collectUnmatched(wanted, existing, candidates);
                collectUnmatched(existing, wanted, candidates);
            }
        }
        if (candidates.isEmpty()) {
            return new Normalised(actual, desired);
        }
        Map<QualifiedName, EnumType> types = new java.util.TreeMap<>(actual.enumTypesByName());
        types.putAll(desired.enumTypesByName());
        Map<String, String> printed = reprint(candidates, List.copyOf(types.values()));
        return new Normalised(rewrite(actual, candidates, printed), rewrite(desired, candidates, printed));
    }

    private static Map<String, Table> byName(Schema schema) {
        return schema.tables().stream().collect(Collectors.toMap(t -> t.name().toString(), t -> t));
    }

    private static void collectUnmatched(Table table, Table other, List<Candidate> candidates) {
        Set<String> otherExpressions = other.checks().stream().map(CheckConstraint::expression).collect(Collectors.toSet());
        for (CheckConstraint check : table.checks()) {
            if (!otherExpressions.contains(check.expression())) {
                candidates.add(new Candidate("c" + candidates.size(), table, check));
            }
        }
    }

    /** The reprinted expression per scratch table; candidates that could not be created are absent. */
    private Map<String, String> reprint(List<Candidate> candidates, List<EnumType> enumTypes) {
        String name = "driftless_checks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.create(name);
        try (Connection connection = server.connect(name); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // Columns and checks may use enum types: create them (and their schemas) as they are, casts left out.
            for (EnumType type : enumTypes) {
                try {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(type.name().schema()));
                    statement.execute(new SqlRenderer().render(new Change.CreateEnumType(
                            new EnumType(type.name(), type.values(), List.of()))));
                } catch (SQLException unsupported) {
                    // checks on such columns keep their text
                }
            }
            for (Candidate candidate : candidates) {
                try {
                    statement.execute(createTable(candidate));
                } catch (SQLException unsupported) {
                    // keep the original text for this one
                }
            }
            statement.execute("SET search_path = ''");
            Map<String, String> printed = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT c.relname, pg_get_constraintdef(k.oid)
                    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                    WHERE k.contype = 'c' AND c.relnamespace = 'public'::regnamespace""")) {
                while (rows.next()) {
                    printed.put(rows.getString(1), rows.getString(2));
                }
            }
            return printed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not normalise check constraints: " + e.getMessage(), e);
        } finally {
            server.drop(name);
        }
    }

    private static String createTable(Candidate candidate) {
        String columns = candidate.table().columns().stream()
                .map(Column::name).map(c -> Identifiers.quote(c) + " " + typeOf(candidate.table(), c))
                .collect(Collectors.joining(", "));
        return "CREATE TABLE public." + candidate.scratchTable() + " (" + columns + ", CONSTRAINT k "
                + candidate.check().expression() + ")";
    }

    private static String typeOf(Table table, String column) {
        return table.column(column).orElseThrow().type();
    }

    private static Schema rewrite(Schema schema, List<Candidate> candidates, Map<String, String> printed) {
        Map<CheckConstraint, String> reprinted = new IdentityHashMap<>();
        candidates.stream().filter(c -> printed.containsKey(c.scratchTable()))
                .forEach(c -> reprinted.put(c.check(), printed.get(c.scratchTable())));
        List<Table> tables = schema.tables().stream()
                .map(table -> table.withChecks(table.checks().stream()
                        .map(check -> reprinted.containsKey(check) ? new CheckConstraint(check.name(), reprinted.get(check)) : check)
                        .toList()))
                .toList();
        return schema.withTables(tables);
    }
}
