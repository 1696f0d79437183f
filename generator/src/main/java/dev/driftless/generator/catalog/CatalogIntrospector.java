package dev.driftless.generator.catalog;

import dev.driftless.model.CheckConstraint;
import dev.driftless.model.Column;
import dev.driftless.model.Deferrability;
import dev.driftless.model.EnumType;
import dev.driftless.model.ExclusionConstraint;
import dev.driftless.model.ForeignKey;
import dev.driftless.model.Identity;
import dev.driftless.model.Index;
import dev.driftless.model.PrimaryKey;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.ReferentialAction;
import dev.driftless.model.Schema;
import dev.driftless.model.Sequence;
import dev.driftless.model.SequenceOwner;
import dev.driftless.model.Table;
import dev.driftless.model.UniqueConstraint;
import dev.driftless.model.UnownedObject;
import dev.driftless.model.ViewProperties;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the structure of a live PostgreSQL database into a {@link Schema}.
 *
 * <p>It sends a constant number of statements whatever the number of tables: one bulk query on
 * {@code pg_catalog} per kind of object (namespaces, tables with their columns, constraints, indexes,
 * sequences), plus three statements that pin {@code search_path} to empty for the duration and restore
 * it afterwards. Pinning makes every name that {@code pg_get_expr}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef} and {@code format_type} print outside {@code pg_catalog} schema-qualified, so
 * the same database reads the same whatever the connection's search path.
 *
 * <p>Scope: every user schema (not {@code pg_catalog}, {@code information_schema}, {@code pg_toast*},
 * {@code pg_temp*}), or only the given ones; ordinary and partitioned tables, but not the partitions of a
 * partitioned table (they are made by {@code PARTITION OF}, which the model cannot state) and not the tables
 * named in the skip list (Liquibase's own by default).
 *
 * <p>Also read: table and column comments, enum types with the {@code WITH INOUT} casts from or to them, and the
 * deferrability of primary, unique and foreign keys, the {@code INCLUDE} columns and {@code NULLS NOT DISTINCT}
 * (PostgreSQL 15+, read as false before) of unique constraints and indexes, and column collations other than their
 * type's default; exclusion constraints, as {@code pg_get_constraintdef} prints them; the column that owns a sequence
 * ({@code OWNED BY}).
 *
 * <p>Read as objects the model does not own, with their definitions and what they use: views, materialized views,
 * functions, procedures and triggers; of a view or materialized view also the columns it uses, and what a re-created
 * one would lose (comment, options, grants, indexes, whether it holds data), for a type change that must drop and
 * re-create it.
 *
 * <p>Not read: foreign tables, MATCH FULL, the INCLUDE columns of a primary key,
 * non-default collations of index keys, privileges (but a view's), rules, policies, event triggers. A generated column is read as a plain column with
 * no default: its generation expression is not a default and is left out.
 */
public final class CatalogIntrospector {

    /**
     * The runner's bookkeeping tables, skipped by default in every schema: Liquibase's two, and the one where
     * driftless records execution times (changelogs' ChangelogRunner.BOOKKEEPING_TABLES, which cannot be named here);
     * and Flyway's history table under its default name, kept in a database adopted from Flyway.
     */
    public static final Set<String> LIQUIBASE_TABLES =
            Set.of("databasechangelog", "databasechangeloglock", "databasechangelog_driftless", "flyway_schema_history");

    /** pg_attribute.attidentity codes. */
    private static final Map<String, Identity> IDENTITIES = Map.of(
            "", Identity.NONE, "a", Identity.ALWAYS, "d", Identity.BY_DEFAULT);

    /** pg_cast.castcontext codes. */
    private static final Map<String, String> CAST_CONTEXTS = Map.of("i", "implicit", "a", "assignment", "e", "explicit");

    /** pg_constraint.confdeltype / confupdtype codes. */
    private static final Map<String, ReferentialAction> ACTIONS = Map.of(
            "a", ReferentialAction.NO_ACTION, "r", ReferentialAction.RESTRICT, "c", ReferentialAction.CASCADE,
            "n", ReferentialAction.SET_NULL, "d", ReferentialAction.SET_DEFAULT);

    /**
     * What one introspection read.
     *
     * @param queryCount the number of statements sent to the server; it does not depend on the number of tables
     */
    public record Introspection(Schema schema, int queryCount) {
    }

    private final List<String> schemas;
    private final List<String> skippedTables;

    /** All user schemas, skipping Liquibase's tables. */
    public CatalogIntrospector() {
        this(List.of());
    }

    /** Only the given schemas (all user schemas when empty), skipping Liquibase's tables. */
    public CatalogIntrospector(Collection<String> schemas) {
        this(schemas, LIQUIBASE_TABLES);
    }

    /**
     * @param schemas       the schemas to read; empty reads every user schema
     * @param skippedTables table names (unqualified, exact case) skipped in every schema
     */
    public CatalogIntrospector(Collection<String> schemas, Collection<String> skippedTables) {
        this.schemas = schemas.stream().sorted().distinct().toList();
        this.skippedTables = skippedTables.stream().sorted().distinct().toList();
    }

    /** Reads the database behind {@code connection}; leaves the connection's search path as it found it. */
    public Introspection introspect(Connection connection) throws SQLException {
        CatalogSession catalog = new CatalogSession(connection, schemas, skippedTables);
        String searchPath = catalog.searchPath();
        catalog.setSearchPath("");
        Schema schema;
        try {
            schema = read(catalog);
        } catch (SQLException | RuntimeException failure) {
            restoreAfterFailure(catalog, searchPath, failure);
            throw failure;
        }
        catalog.setSearchPath(searchPath);
        return new Introspection(schema, catalog.queryCount());
    }

    /** Shorthand for {@code introspect(connection).schema()}. */
    public Schema read(Connection connection) throws SQLException {
        return introspect(connection).schema();
    }

    private static void restoreAfterFailure(CatalogSession catalog, String searchPath, Exception failure) {
        try {
            catalog.setSearchPath(searchPath);
        } catch (SQLException | RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    private static Schema read(CatalogSession catalog) throws SQLException {
        List<String> namespaces = catalog.list(CatalogQueries.NAMESPACES, rs -> rs.getString("nspname"));
        Map<QualifiedName, TableParts> tables = new LinkedHashMap<>();
        catalog.forEachRow(CatalogQueries.COLUMNS, rs -> readColumn(rs, tables));
        catalog.forEachRow(catalog.forServer(CatalogQueries.CONSTRAINTS, "ci"), rs -> readConstraint(rs, tables.get(tableName(rs))));
        catalog.forEachRow(catalog.forServer(CatalogQueries.INDEXES, "i"), rs -> readIndex(rs, tables.get(tableName(rs))));
        List<Sequence> sequences = catalog.list(CatalogQueries.SEQUENCES, CatalogIntrospector::readSequence);
        List<EnumType> enumTypes = catalog.list(CatalogQueries.ENUM_TYPES, CatalogIntrospector::readEnumType);
        List<UnownedObject> unowned = new ArrayList<>();
        catalog.forEachRow(CatalogQueries.UNOWNED, rs -> unowned.add(readUnowned(rs, unowned.size())));
        List<Table> built = tables.values().stream().map(TableParts::build).toList();
        return new Schema(namespaces, built, sequences, enumTypes, unowned);
    }

    // ---------------------------------------------------------------- rows

    private static QualifiedName tableName(ResultSet rs) throws SQLException {
        return new QualifiedName(rs.getString("nspname"), rs.getString("relname"));
    }

    private static void readColumn(ResultSet rs, Map<QualifiedName, TableParts> tables) throws SQLException {
        TableParts table = tables.computeIfAbsent(tableName(rs), TableParts::new);
        table.comment = rs.getString("table_comment");
        String name = rs.getString("attname");
        if (name == null) {
            return; // a table without columns
        }
        Identity identity = identity(rs.getString("attidentity"));
        boolean generated = !Objects.requireNonNullElse(rs.getString("attgenerated"), "").isEmpty();
        String defaultValue = identity == Identity.NONE && !generated ? rs.getString("default_value") : null;
        table.columns.add(new Column(name, rs.getString("type"), !rs.getBoolean("attnotnull"), defaultValue, identity,
                rs.getString("column_comment"), rs.getString("collation")));
    }

    private static void readConstraint(ResultSet rs, TableParts table) throws SQLException {
        if (table == null) {
            return; // created after the columns were read
        }
        String name = rs.getString("conname");
        List<String> columns = strings(rs.getArray("columns"));
        Deferrability deferrability = Deferrability.of(rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"));
        switch (rs.getString("contype")) {
            case "p" -> table.primaryKey = new PrimaryKey(name, columns, deferrability);
            case "u" -> table.uniqueConstraints.add(new UniqueConstraint(name, columns, deferrability,
                    strings(rs.getArray("include")), rs.getBoolean("nulls_not_distinct")));
            case "c" -> table.checks.add(new CheckConstraint(name, rs.getString("definition")));
            case "x" -> table.exclusions.add(new ExclusionConstraint(name, rs.getString("definition")));
            case "f" -> table.foreignKeys.add(foreignKey(rs, name, columns, deferrability));
            default -> throw new IllegalStateException("unexpected constraint type " + rs.getString("contype"));
        }
    }

    private static ForeignKey foreignKey(ResultSet rs, String name, List<String> columns, Deferrability deferrability)
            throws SQLException {
        QualifiedName target = new QualifiedName(rs.getString("ref_nspname"), rs.getString("ref_relname"));
        return new ForeignKey(name, columns, target, strings(rs.getArray("ref_columns")),
                action(rs.getString("confdeltype")), action(rs.getString("confupdtype")), deferrability);
    }

    private static void readIndex(ResultSet rs, TableParts table) throws SQLException {
        if (table != null) {
            table.indexes.add(new Index(rs.getString("index_name"), strings(rs.getArray("keys")),
                    rs.getBoolean("indisunique"), rs.getString("amname"), rs.getString("predicate"),
                    strings(rs.getArray("include")), rs.getBoolean("nulls_not_distinct")));
        }
    }

    private static Sequence readSequence(ResultSet rs) throws SQLException {
        String ownerColumn = rs.getString("owner_column");
        SequenceOwner owner = ownerColumn == null ? null
                : new SequenceOwner(new QualifiedName(rs.getString("owner_nspname"), rs.getString("owner_relname")), ownerColumn);
        return new Sequence(new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                rs.getString("data_type"), rs.getLong("seqstart"), rs.getLong("seqincrement"),
                rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"), owner);
    }

    private static UnownedObject readUnowned(ResultSet rs, int position) throws SQLException {
        String tableName = rs.getString("table_name");
        String definition = rs.getString("definition").strip();
        definition = definition.endsWith(";") ? definition.substring(0, definition.length() - 1).strip() : definition;
        String kind = rs.getString("kind");
        List<UnownedObject.Use> uses = new ArrayList<>();
        for (String use : strings(rs.getArray("uses"))) {
            String[] parts = use.split("\t", -1);
            uses.add(new UnownedObject.Use(new QualifiedName(parts[0], parts[1]), parts[2].isEmpty() ? null : parts[2]));
        }
        return new UnownedObject(kind, new QualifiedName(rs.getString("nspname"), rs.getString("name")),
                tableName == null ? null : new QualifiedName(rs.getString("table_nspname"), tableName), definition,
                strings(rs.getArray("depends_on")), position, uses,
                kind.endsWith("view") ? viewProperties(rs) : ViewProperties.NONE);
    }

    private static ViewProperties viewProperties(ResultSet rs) throws SQLException {
        List<ViewProperties.Grant> grants = new ArrayList<>();
        for (String grant : strings(rs.getArray("grants"))) {
            String[] parts = grant.split("\t", -1);
            grants.add(new ViewProperties.Grant(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2].equals("true")));
        }
        return new ViewProperties(rs.getString("comment"), strings(rs.getArray("options")), grants,
                strings(rs.getArray("indexes")), rs.getBoolean("populated"));
    }

    private static EnumType readEnumType(ResultSet rs) throws SQLException {
        List<EnumType.Cast> casts = new ArrayList<>();
        for (String cast : strings(rs.getArray("casts"))) {
            String[] parts = cast.split("\t", -1);
            casts.add(new EnumType.Cast(parts[0], parts[1], lookup(CAST_CONTEXTS, parts[2], "cast context")));
        }
        return new EnumType(new QualifiedName(rs.getString("nspname"), rs.getString("typname")),
                strings(rs.getArray("labels")), casts);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Identity identity(String code) {
        return lookup(IDENTITIES, Objects.requireNonNullElse(code, ""), "attidentity");
    }

    private static ReferentialAction action(String code) {
        return lookup(ACTIONS, code, "referential action");
    }

    private static <T> T lookup(Map<String, T> codes, String code, String what) {
        T value = codes.get(code);
        if (value == null) {
            throw new IllegalStateException("unknown " + what + " code '" + code + "'");
        }
        return value;
    }

    /** A table being put together from the rows of several queries; one per table and introspection. */
    private static final class TableParts {
        private final QualifiedName name;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<UniqueConstraint> uniqueConstraints = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<ExclusionConstraint> exclusions = new ArrayList<>();
        private String comment;

        TableParts(QualifiedName name) {
            this.name = name;
        }

        Table build() {
            return new Table(name, columns, primaryKey, sortedBy(foreignKeys, ForeignKey::name),
                    sortedBy(uniqueConstraints, UniqueConstraint::name), sortedBy(checks, CheckConstraint::name),
                    sortedBy(indexes, Index::name), comment, sortedBy(exclusions, ExclusionConstraint::name));
        }

        private static <T> List<T> sortedBy(List<T> items, Function<T, String> name) {
            return items.stream().sorted(Comparator.comparing(name)).toList();
        }
    }
}
