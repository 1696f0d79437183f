package dev.driftless.api;

import dev.driftless.generator.render.Identifiers;
import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.TypeChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts, on the target, the rows a change would not accept: values longer or larger than a narrowed type, NULLs in a
 * column becoming NOT NULL, duplicates under a new unique key. The generated statements fail on such rows rather
 * than lose them; saying so before the changelog is applied lets the user fix the data (or the model) first.
 */
final class DataChecks {

    private static final Map<String, String> INTEGER_RANGES = Map.of(
            "smallint", "-32768 AND 32767",
            "integer", "-2147483648 AND 2147483647");

    private final Connection connection;

    DataChecks(Connection connection) {
        this.connection = connection;
    }

    /**
     * One line per change that existing rows would make fail, with how to go on. A count that cannot be taken (the
     * change is on a table or column the same changelog creates first) has nothing to count and is skipped.
     */
    List<String> problems(List<Change> changes) {
        List<String> problems = new ArrayList<>();
        for (Change change : changes) {
            try {
                problem(change).ifPresent(problems::add);
            } catch (SQLException nothingToCountYet) {
                // the table or column does not exist before the changelog runs: no existing row can fail
            }
        }
        return problems;
    }

    /**
     * A dropped column that a view, materialized view or trigger the diff keeps still uses: PostgreSQL refuses the drop
     * ("cannot drop column … because other objects depend on it"), and the object cannot be re-created around it as a
     * type change's are, since it would need the column. Said at diff time, with what to do, instead of at apply time.
     */
    static List<String> objectsOnDroppedColumns(dev.driftless.model.Schema actual, List<Change> changes) {
        java.util.Set<dev.driftless.model.QualifiedName> dropped = new java.util.HashSet<>();
        changes.stream().filter(c -> c instanceof Change.DropUnowned).map(c -> ((Change.DropUnowned) c).object().name())
                .forEach(dropped::add);
        List<String> problems = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Change.DropColumn drop) {
                actual.unowned().stream().filter(o -> !dropped.contains(o.name()))
                        .filter(o -> o.usesColumn(drop.table(), drop.column().name()))
                        .forEach(o -> problems.add(o.describe() + " uses " + drop.table() + "." + drop.column().name()
                                + ", so dropping the column will fail: drop the " + o.kind() + ", or re-create it without"
                                + " the column, in a changeset of your own before this one (driftless new)"));
            }
        }
        return problems;
    }

    /**
     * A type change no cast can make without changing what the values mean (text to a large-object oid, text to
     * bytea): driftless refuses to write it, since the column's data would become something else.
     */
    static void refuseReinterpreting(List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof Change.AlterColumnType type && type.conversion().isEmpty()
                    && TypeChange.of(type).kind() == TypeChange.Kind.REINTERPRETS) {
                throw new DriftlessException(ExitCode.FAILURE, "column " + type.table() + "." + type.column()
                        + " would change from " + type.fromType() + " to " + type.toType()
                        + ", which no cast can do without changing what its values mean (for a @Lob String, the text"
                        + " would become a reference to a large object that does not exist). Nothing was written."
                        + " Keep the column's type in the model (e.g. @JdbcTypeCode(SqlTypes.LONGVARCHAR) on a"
                        + " @Lob String), or move the data in a changeset of your own.");
            }
        }
    }

    private Optional<String> problem(Change change) throws SQLException {
        if (change instanceof Change.AlterColumnType type && type.conversion().isEmpty()
                && TypeChange.of(type).kind() == TypeChange.Kind.NARROWS) {
            return narrowing(type);
        }
        if (change instanceof Change.AlterColumnNullability nullability && !nullability.nullable()) {
            long rows = count(nullability.table(), Identifiers.quote(nullability.column()) + " IS NULL");
            return rows == 0 ? Optional.empty() : Optional.of(rows + " row(s) of " + nullability.table() + "."
                    + nullability.column() + " are NULL, so SET NOT NULL will fail: fill them first (a default in the"
                    + " model, or an UPDATE in a changeset of your own before this one)");
        }
        if (change instanceof Change.AddUniqueConstraint unique) {
            String columns = String.join(", ", unique.constraint().columns().stream().map(Identifiers::quote).toList());
            long groups = scalar("SELECT count(*) FROM (SELECT 1 FROM " + name(unique.table()) + " GROUP BY " + columns
                    + " HAVING count(*) > 1) AS duplicated");
            return groups == 0 ? Optional.empty() : Optional.of(groups + " value(s) of " + unique.table()
                    + unique.constraint().columns() + " occur more than once, so the new unique constraint will fail:"
                    + " remove the duplicates first");
        }
        if (change instanceof Change.AddCheckConstraint check && check.constraint().expression().startsWith("CHECK ")) {
            // a check that yields NULL passes, as PostgreSQL has it: NOT (NULL) is not counted either
            long rows = count(check.table(), "NOT " + check.constraint().expression().substring("CHECK ".length()));
            return rows == 0 ? Optional.empty() : Optional.of(rows + " row(s) of " + check.table() + " violate the new "
                    + check.constraint().expression() + " (" + check.constraint().name() + "), so adding it will fail:"
                    + " fix those rows first, in a changeset of your own before this one (driftless new)");
        }
        return Optional.empty();
    }

    private Optional<String> narrowing(Change.AlterColumnType type) throws SQLException {
        String column = Identifiers.quote(type.column());
        String base = TypeChange.base(type.toType());
        int length = TypeChange.length(type.toType());
        if ((base.equals("character varying") || base.equals("character")) && length >= 0) {
            long rows = count(type.table(), "length(" + column + "::text) > " + length);
            return rows == 0 ? Optional.empty() : Optional.of(rows + " row(s) of " + type.table() + "." + type.column()
                    + " are longer than " + length + ", so the change to " + type.toType() + " will fail (it never"
                    + " cuts values): shorten them first, or keep the wider type in the model");
        }
        TypeChange change = TypeChange.of(type);
        if (change.rounds()) {
            String rounded = base.equals("numeric") ? "round(" + column + ", " + change.scaleTo() + ")" : column + "::" + type.toType();
            long rows = count(type.table(), column + " <> " + rounded);
            return rows == 0 ? Optional.empty() : Optional.of(rows + " row(s) of " + type.table() + "." + type.column()
                    + " hold values that " + type.toType() + " would round, so the change will fail (it never rounds"
                    + " values): round them first in a changeset of your own (driftless new), or keep the wider type in"
                    + " the model");
        }
        String range = INTEGER_RANGES.get(base);
        if (range != null) {
            long rows = count(type.table(), column + "::numeric NOT BETWEEN " + range);
            return rows == 0 ? Optional.empty() : Optional.of(rows + " row(s) of " + type.table() + "." + type.column()
                    + " do not fit in " + type.toType() + ", so the change will fail: keep the wider type in the model");
        }
        return Optional.of("the change of " + type.table() + "." + type.column() + " from " + type.fromType() + " to "
                + type.toType() + " narrows the type: values may be rounded, or the change may fail on values that"
                + " do not fit; check the data first");
    }

    private long count(QualifiedName table, String condition) throws SQLException {
        return scalar("SELECT count(*) FROM " + name(table) + " WHERE " + condition);
    }

    private long scalar(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String name(QualifiedName table) {
        return Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name());
    }
}
