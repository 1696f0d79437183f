package dev.driftless.generator.render;

import dev.driftless.model.Change;
import dev.driftless.model.CheckConstraint;
import dev.driftless.model.Column;
import dev.driftless.model.EnumType;
import dev.driftless.model.ExclusionConstraint;
import dev.driftless.model.ForeignKey;
import dev.driftless.model.Identity;
import dev.driftless.model.Index;
import dev.driftless.model.PrimaryKey;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.ReferentialAction;
import dev.driftless.model.Sequence;
import dev.driftless.model.Table;
import dev.driftless.model.UniqueConstraint;
import dev.driftless.model.UnownedObject;
import dev.driftless.model.TypeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns one change into the PostgreSQL statement that performs it. Pure: no connection, no state. */
public final class SqlRenderer {

    private static final Map<String, Long> TYPE_MAX = Map.of(
            "smallint", (long) Short.MAX_VALUE, "integer", (long) Integer.MAX_VALUE, "bigint", Long.MAX_VALUE);

    private final Map<Class<? extends Change>, Function<Change, String>> renderers = Map.ofEntries(
            rule(Change.CreateSchema.class, c -> "CREATE SCHEMA " + Identifiers.quote(c.name()) + ";"),
            rule(Change.DropSchema.class, c -> "DROP SCHEMA " + Identifiers.quote(c.name()) + ";"),
            rule(Change.CreateTable.class, c -> createTable(c.definition())),
            rule(Change.DropTable.class, c -> "DROP TABLE " + name(c.definition().name()) + ";"),
            rule(Change.RenameTable.class, c -> renameTable(c.from(), c.to())),
            rule(Change.RenameColumn.class, c -> alter(c.table()) + "RENAME COLUMN " + Identifiers.quote(c.from())
                    + " TO " + Identifiers.quote(c.to()) + ";"),
            rule(Change.AddColumn.class, c -> alter(c.table()) + "ADD COLUMN " + columnDefinition(c.column()) + ";"
                    + (c.column().comment() == null ? "" : "\n" + columnComment(c.table(), c.column().name(), c.column().comment()))),
            rule(Change.DropColumn.class, c -> alter(c.table()) + "DROP COLUMN " + Identifiers.quote(c.column().name()) + ";"),
            rule(Change.AlterColumnType.class, c -> ViewRebuild.around(c.views(), alterColumn(c.table(), c.column())
                    + "TYPE " + c.toType() + (c.collation() != null && Column.collatable(c.toType()) ? " COLLATE " + c.collation() : "")
                    + using(c) + ";") + conversionCheck(c)),
            rule(Change.AlterColumnNullability.class, c -> alterColumn(c.table(), c.column())
                    + (c.nullable() ? "DROP NOT NULL;" : "SET NOT NULL;")),
            rule(Change.AlterColumnDefault.class, c -> alterColumn(c.table(), c.column())
                    + (c.toDefault() == null ? "DROP DEFAULT;" : "SET DEFAULT " + c.toDefault() + ";")),
            rule(Change.AlterColumnIdentity.class, c -> alterColumn(c.table(), c.column()) + identityChange(c.from(), c.to())
                    + (c.from() == Identity.NONE ? "\n" + identityAfterExistingIds(c.table(), c.column()) : "")),
            rule(Change.AddPrimaryKey.class, c -> alter(c.table()) + "ADD " + primaryKey(c.key()) + ";"),
            rule(Change.DropPrimaryKey.class, c -> dropConstraint(c.table(), c.key().name())),
            rule(Change.AddForeignKey.class, c -> alter(c.table()) + "ADD " + foreignKey(c.key()) + ";"),
            rule(Change.DropForeignKey.class, c -> dropConstraint(c.table(), c.key().name())),
            rule(Change.AddUniqueConstraint.class, c -> alter(c.table()) + "ADD " + unique(c.constraint()) + ";"),
            rule(Change.DropUniqueConstraint.class, c -> dropConstraint(c.table(), c.constraint().name())),
            rule(Change.AddCheckConstraint.class, c -> alter(c.table()) + "ADD " + check(c.constraint()) + ";"),
            rule(Change.DropCheckConstraint.class, c -> dropConstraint(c.table(), c.constraint().name())),
            rule(Change.AddExclusionConstraint.class, c -> alter(c.table()) + "ADD " + exclusion(c.constraint()) + ";"),
            rule(Change.DropExclusionConstraint.class, c -> dropConstraint(c.table(), c.constraint().name())),
            rule(Change.CreateIndex.class, c -> createIndex(c.table(), c.index())),
            rule(Change.DropIndex.class, c -> "DROP INDEX " + name(new QualifiedName(c.table().schema(), c.index().name())) + ";"),
            rule(Change.CreateSequence.class, c -> createSequence(c.sequence()) + SequenceStart.after(c.sequence(), c.startsAfter())),
            rule(Change.AlterSequence.class, c -> alterSequence(c.from(), c.to())),
            rule(Change.DropSequence.class, c -> "DROP SEQUENCE " + name(c.sequence().name()) + ";"),
            rule(Change.CreateUnowned.class, c -> c.object().definition() + ";"),
            rule(Change.DropUnowned.class, c -> dropUnowned(c.object())),
            rule(Change.OwnSequence.class, c -> "ALTER SEQUENCE " + name(c.sequence()) + " OWNED BY " + name(c.owner().table())
                    + "." + Identifiers.quote(c.owner().column()) + ";"),
            rule(Change.DisownSequence.class, c -> "ALTER SEQUENCE " + name(c.sequence()) + " OWNED BY NONE;"),
            rule(Change.CreateEnumType.class, c -> createEnumType(c.type())),
            rule(Change.DropEnumType.class, c -> dropEnumType(c.type())),
            rule(Change.AlterEnumType.class, c -> c.onlyAddsValues() ? alterEnumType(c) : ViewRebuild.around(c.views(), alterEnumType(c))),
            rule(Change.SetTableComment.class, c -> "COMMENT ON TABLE " + name(c.table()) + " IS " + literalOrNull(c.to()) + ";"),
            rule(Change.SetColumnComment.class, c -> columnComment(c.table(), c.column(), c.to())));

    private static <C extends Change> Map.Entry<Class<? extends Change>, Function<Change, String>> rule(
            Class<C> kind, Function<C, String> render) {
        return Map.entry(kind, change -> render.apply(kind.cast(change)));
    }

    /**
     * Whether the change's statements may run inside a transaction block. {@code ALTER TYPE … ADD VALUE} may not on
     * PostgreSQL before 12, and even on newer servers the new label cannot be used until that transaction commits:
     * its changeset runs outside a transaction ({@code runInTransaction:false}).
     */
    public boolean runsInTransaction(Change change) {
        return !(change instanceof Change.AlterEnumType alter && alter.onlyAddsValues());
    }

    public String render(Change change) {
        Function<Change, String> renderer = renderers.get(change.getClass());
        if (renderer == null) {
            throw new IllegalArgumentException("no SQL for " + change.getClass().getSimpleName());
        }
        return renderer.apply(change);
    }

    public static String name(QualifiedName name) {
        return Identifiers.quote(name.schema()) + "." + Identifiers.quote(name.name());
    }

    static String alter(QualifiedName table) {
        return "ALTER TABLE " + name(table) + " ";
    }

    /** A move to another schema is SET SCHEMA (indexes, constraints and owned sequences go along); a new name is RENAME TO. */
    private static String renameTable(QualifiedName from, QualifiedName to) {
        List<String> statements = new ArrayList<>();
        QualifiedName current = from;
        if (!from.schema().equals(to.schema())) {
            statements.add(alter(current) + "SET SCHEMA " + Identifiers.quote(to.schema()) + ";");
            current = new QualifiedName(to.schema(), from.name());
        }
        if (!from.name().equals(to.name())) {
            statements.add(alter(current) + "RENAME TO " + Identifiers.quote(to.name()) + ";");
        }
        return String.join("\n", statements);
    }

    static String alterColumn(QualifiedName table, String column) {
        return alter(table) + "ALTER COLUMN " + Identifiers.quote(column) + " ";
    }

    static String dropConstraint(QualifiedName table, String constraint) {
        return alter(table) + "DROP CONSTRAINT " + Identifiers.quote(constraint) + ";";
    }

    static String columns(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String createTable(Table table) {
        List<String> lines = new ArrayList<>();
        table.columns().forEach(c -> lines.add(columnDefinition(c)));
        if (table.primaryKey() != null) {
            lines.add(primaryKey(table.primaryKey()));
        }
        table.uniqueConstraints().forEach(u -> lines.add(unique(u)));
        table.checks().forEach(c -> lines.add(check(c)));
        table.exclusions().forEach(x -> lines.add(exclusion(x)));
        StringBuilder sql = new StringBuilder("CREATE TABLE " + name(table.name()) + " (\n    "
                + String.join(",\n    ", lines) + "\n);");
        if (table.comment() != null) {
            sql.append("\nCOMMENT ON TABLE ").append(name(table.name())).append(" IS ").append(literal(table.comment())).append(';');
        }
        table.columns().stream().filter(c -> c.comment() != null)
                .forEach(c -> sql.append('\n').append(columnComment(table.name(), c.name(), c.comment())));
        return sql.toString();
    }

    /**
     * The {@code USING} clause of a type change, with its leading space. Only a change to another family of types
     * (text to integer) needs one. Within a family PostgreSQL's assignment cast does the work and fails on a value that
     * does not fit ("value too long"), where an explicit cast to a shorter type would cut it silently.
     */
    private static String using(Change.AlterColumnType change) {
        String column = Identifiers.quote(change.column());
        if (change.conversion().isEmpty()) {
            TypeChange type = TypeChange.of(change);
            if (change.timeZone() != null) {
                // timestamp ↔ timestamptz in a named zone: the same instants wherever and by whomever it is applied
                return " USING " + column + " AT TIME ZONE " + literal(change.timeZone());
            }
            if (type.rounds()) {
                return " USING " + roundingGuard(column, type);
            }
            return type.kind() == TypeChange.Kind.CONVERTS
                    && !TypeChange.sameFamily(change.fromType(), change.toType()) ? " USING " + column + "::" + change.toType() : "";
        }
        StringBuilder sql = new StringBuilder("CASE ").append(column).append("::text");
        change.conversion().forEach(m -> sql.append(" WHEN ").append(literal(m.from())).append(" THEN ").append(literal(m.to())));
        sql.append(" ELSE ").append(column).append("::text END");
        // text is assigned to a string type by the assignment cast, which fails on a value too long where ::varchar(n) cuts it
        return " USING " + (TypeChange.sameFamily("text", change.toType()) ? sql : sql.append("::").append(change.toType()));
    }

    /**
     * Keeps every value that the new type holds exactly and fails the statement on the first it would round, naming
     * the value: PostgreSQL's own cast would round it without a word. The failure is a cast of a text that is no value
     * of the type ("invalid input syntax for type numeric: "… would be rounded …""); no cast in it cuts a value.
     */
    private static String roundingGuard(String column, TypeChange type) {
        String kept = type.to().startsWith("numeric") ? "round(" + column + ", " + type.scaleTo() + ")"
                : column + "::" + type.to();
        return "CASE WHEN " + column + " = " + kept + " THEN " + column + " ELSE ('driftless: ' || " + column
                + "::text || ' would be rounded by " + type.to() + "; round it in a data changeset first')::"
                + TypeChange.base(type.to()) + " END";
    }

    /**
     * A converted column's post-condition ({@code -- validate:}, run by driftless inside the changeset's transaction):
     * every stored value had a mapping, so none was carried over as it was (an ordinal no enum constant has any more
     * would become the text {@code '7'}). A value without one fails the changeset, which is rolled back, naming the check.
     */
    private static String conversionCheck(Change.AlterColumnType change) {
        if (change.conversion().isEmpty()) {
            return "";
        }
        String column = Identifiers.quote(change.column());
        String converted = change.conversion().stream().map(m -> literal(m.to())).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return "\n-- validate: SELECT NOT EXISTS (SELECT FROM " + name(change.table()) + " WHERE " + column
                + "::text NOT IN (" + converted + "))";
    }

    private static String columnComment(QualifiedName table, String column, String comment) {
        return "COMMENT ON COLUMN " + name(table) + "." + Identifiers.quote(column) + " IS " + literalOrNull(comment) + ";";
    }

    /** A string literal; {@code E'…'} with escapes when the text holds a backslash or a line break. */
    static String literal(String text) {
        String quoted = text.replace("'", "''");
        if (quoted.contains("\\") || quoted.contains("\n") || quoted.contains("\r")) {
            return "E'" + quoted.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "'";
        }
        return "'" + quoted + "'";
    }

    private static String literalOrNull(String text) {
        return text == null ? "NULL" : literal(text);
    }

    private static String createEnumType(EnumType type) {
        StringBuilder sql = new StringBuilder("CREATE TYPE ").append(name(type.name())).append(" AS ENUM (")
                .append(type.values().stream().map(SqlRenderer::literal).collect(Collectors.joining(", "))).append(");");
        type.casts().forEach(cast -> sql.append('\n').append(createCast(cast)));
        return sql.toString();
    }

    private static String dropEnumType(EnumType type) {
        StringBuilder sql = new StringBuilder();
        type.casts().forEach(cast -> sql.append(dropCast(cast)).append('\n'));
        return sql.append("DROP TYPE ").append(name(type.name())).append(';').toString();
    }

    private static String createCast(EnumType.Cast cast) {
        return "CREATE CAST (" + cast.source() + " AS " + cast.target() + ") WITH INOUT"
                + (cast.context().equals("explicit") ? "" : " AS " + cast.context().toUpperCase(java.util.Locale.ROOT)) + ";";
    }

    private static String dropCast(EnumType.Cast cast) {
        return "DROP CAST (" + cast.source() + " AS " + cast.target() + ");";
    }

    /**
     * New labels go in with {@code ADD VALUE}, each placed before the next old label (or after the one before it, at
     * the end), in the order of the new list so that neighbours exist when they are named. Anything else re-creates the
     * type: rename the old one away, create the new one, convert every column through text (dropping and restoring its
     * default, which names the type), and drop the old type with its casts.
     */
    private static String alterEnumType(Change.AlterEnumType change) {
        EnumType from = change.from();
        EnumType to = change.to();
        List<String> sql = new ArrayList<>();
        if (change.onlyAddsValues()) {
            List<String> values = to.values();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (from.values().contains(value)) {
                    continue;
                }
                String next = values.subList(i + 1, values.size()).stream().filter(from.values()::contains).findFirst().orElse(null);
                String position = next != null ? " BEFORE " + literal(next)
                        : i > 0 ? " AFTER " + literal(values.get(i - 1)) : "";
                sql.add("ALTER TYPE " + name(to.name()) + " ADD VALUE " + literal(value) + position + ";");
            }
            return String.join("\n", sql);
        }
        QualifiedName old = new QualifiedName(to.name().schema(), to.name().name() + "__driftless_old");
        from.casts().forEach(cast -> sql.add(dropCast(cast)));
        sql.add("ALTER TYPE " + name(from.name()) + " RENAME TO " + Identifiers.quote(old.name()) + ";");
        sql.add("CREATE TYPE " + name(to.name()) + " AS ENUM ("
                + to.values().stream().map(SqlRenderer::literal).collect(Collectors.joining(", ")) + ");");
        for (EnumType.Usage usage : change.usages()) {
            String column = Identifiers.quote(usage.column());
            String type = name(to.name()) + (usage.array() ? "[]" : "");
            if (usage.defaultValue() != null) {
                sql.add(alterColumn(usage.table(), usage.column()) + "DROP DEFAULT;");
            }
            sql.add(alterColumn(usage.table(), usage.column()) + "TYPE " + type + " USING " + column + "::text"
                    + (usage.array() ? "[]" : "") + "::" + type + ";");
            if (usage.defaultValue() != null) {
                sql.add(alterColumn(usage.table(), usage.column()) + "SET DEFAULT " + usage.defaultValue() + ";");
            }
        }
        sql.add("DROP TYPE " + name(old) + ";");
        to.casts().forEach(cast -> sql.add(createCast(cast)));
        return String.join("\n", sql);
    }

    static String columnDefinition(Column column) {
        StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(' ').append(column.type());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if (column.identity() != Identity.NONE) {
            sql.append(" GENERATED ").append(column.identity().sql()).append(" AS IDENTITY");
        }
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(column.defaultValue());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /**
     * A new identity starts at 1, whatever ids the column holds (a serial's, an import's): the application's next insert
     * would take an id that exists. Its sequence moves past the largest id there when the changeset runs. The identity's
     * own sequence is the one bound to the column internally ({@code deptype 'i'}): {@code pg_get_serial_sequence} may
     * name the serial's old sequence, which stays owned by the column for the rollback's default.
     */
    private static String identityAfterExistingIds(QualifiedName table, String column) {
        String regclass = literal(name(table)) + "::regclass";
        return "SELECT setval(d.objid::regclass, COALESCE((SELECT max(" + Identifiers.quote(column) + ") FROM " + name(table)
                + "), 0) + 1, false) FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum ="
                + " d.refobjsubid WHERE d.classid = 'pg_class'::regclass AND d.refobjid = " + regclass + " AND a.attname = "
                + literal(column) + " AND d.deptype = 'i';";
    }

    private static String identityChange(Identity from, Identity to) {
        if (to == Identity.NONE) {
            return "DROP IDENTITY;";
        }
        if (from == Identity.NONE) {
            return "ADD GENERATED " + to.sql() + " AS IDENTITY;";
        }
        return "SET GENERATED " + to.sql() + ";";
    }

    static String primaryKey(PrimaryKey key) {
        return "CONSTRAINT " + Identifiers.quote(key.name()) + " PRIMARY KEY " + columns(key.columns())
                + key.deferrability().clause();
    }

    static String unique(UniqueConstraint constraint) {
        return "CONSTRAINT " + Identifiers.quote(constraint.name()) + " UNIQUE "
                + (constraint.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + columns(constraint.columns())
                + (constraint.include().isEmpty() ? "" : " INCLUDE " + columns(constraint.include()))
                + constraint.deferrability().clause();
    }

    static String check(CheckConstraint constraint) {
        return "CONSTRAINT " + Identifiers.quote(constraint.name()) + " " + constraint.expression();
    }

    /** A function's name already carries its argument types, as DROP FUNCTION needs them. */
    /** The drop of an object the model does not own, as a {@code DropUnowned} change writes it. */
    static String dropUnownedObject(UnownedObject object) {
        return dropUnowned(object);
    }

    private static String dropUnowned(UnownedObject object) {
        String schema = Identifiers.quote(object.name().schema()) + ".";
        return switch (object.kind()) {
            case "trigger" -> "DROP TRIGGER " + Identifiers.quote(object.name().name()) + " ON " + name(object.table()) + ";";
            case "function", "procedure" -> "DROP " + object.kind().toUpperCase(java.util.Locale.ROOT) + " " + schema
                    + functionName(object.name().name()) + ";";
            default -> "DROP " + object.kind().toUpperCase(java.util.Locale.ROOT) + " " + name(object.name()) + ";";
        };
    }

    /** {@code f(integer, text)} with the name quoted as needed, the argument types as PostgreSQL printed them. */
    private static String functionName(String nameWithArguments) {
        int open = nameWithArguments.indexOf('(');
        return Identifiers.quote(nameWithArguments.substring(0, open)) + nameWithArguments.substring(open);
    }

    static String exclusion(ExclusionConstraint constraint) {
        return "CONSTRAINT " + Identifiers.quote(constraint.name()) + " " + constraint.definition();
    }

    static String foreignKey(ForeignKey key) {
        String sql = "CONSTRAINT " + Identifiers.quote(key.name()) + " FOREIGN KEY " + columns(key.columns())
                + " REFERENCES " + name(key.referencedTable()) + " " + columns(key.referencedColumns());
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            sql += " ON DELETE " + key.onDelete().sql();
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            sql += " ON UPDATE " + key.onUpdate().sql();
        }
        return sql + key.deferrability().clause();
    }

    private static String createIndex(QualifiedName table, Index index) {
        return createIndex(table, index, false);
    }

    /** Concurrently: {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}, so that a re-run after a kill does no harm. */
    static String createIndex(QualifiedName table, Index index, boolean concurrently) {
        String sql = "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
                + (concurrently ? "CONCURRENTLY IF NOT EXISTS " : "") + Identifiers.quote(index.name())
                + " ON " + name(table)
                + (index.method().equals("btree") ? "" : " USING " + index.method())
                + " (" + String.join(", ", index.keys()) + ")"
                + (index.include().isEmpty() ? "" : " INCLUDE (" + String.join(", ", index.include()) + ")")
                + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
        if (index.predicate() != null) {
            sql += " WHERE " + index.predicate();
        }
        return sql + ";";
    }

    private static String createSequence(Sequence s) {
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(name(s.name()))
                .append(" AS ").append(s.dataType())
                .append(" START WITH ").append(s.start())
                .append(" INCREMENT BY ").append(s.increment());
        if (s.minValue() != defaultMin(s)) {
            sql.append(" MINVALUE ").append(s.minValue());
        }
        if (s.maxValue() != defaultMax(s)) {
            sql.append(" MAXVALUE ").append(s.maxValue());
        }
        if (s.cache() != 1) {
            sql.append(" CACHE ").append(s.cache());
        }
        if (s.cycle()) {
            sql.append(" CYCLE");
        }
        return sql.append(';').toString();
    }

    private static String alterSequence(Sequence from, Sequence to) {
        StringBuilder sql = new StringBuilder("ALTER SEQUENCE ").append(name(to.name()));
        if (!from.dataType().equals(to.dataType())) {
            sql.append(" AS ").append(to.dataType());
        }
        if (from.increment() != to.increment()) {
            sql.append(" INCREMENT BY ").append(to.increment());
        }
        if (from.minValue() != to.minValue()) {
            sql.append(" MINVALUE ").append(to.minValue());
        }
        if (from.maxValue() != to.maxValue()) {
            sql.append(" MAXVALUE ").append(to.maxValue());
        }
        if (from.start() != to.start()) {
            sql.append(" START WITH ").append(to.start());
        }
        if (from.cache() != to.cache()) {
            sql.append(" CACHE ").append(to.cache());
        }
        if (from.cycle() != to.cycle()) {
            sql.append(to.cycle() ? " CYCLE" : " NO CYCLE");
        }
        return sql.append(';').toString();
    }

    private static long defaultMin(Sequence s) {
        return s.increment() > 0 ? 1 : -typeMax(s) - 1;
    }

    private static long defaultMax(Sequence s) {
        return s.increment() > 0 ? typeMax(s) : -1;
    }

    private static long typeMax(Sequence s) {
        return Objects.requireNonNullElse(TYPE_MAX.get(s.dataType()), Long.MAX_VALUE);
    }
}
