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
import java.sql.PreparedStatement;
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
        Catalog catalog = new Catalog(connection, schemas, skippedTables);
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

    private static void restoreAfterFailure(Catalog catalog, String searchPath, Exception failure) {
        try {
            catalog.setSearchPath(searchPath);
        } catch (SQLException | RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    private static Schema read(Catalog catalog) throws SQLException {
        List<String> namespaces = catalog.list(NAMESPACES, rs -> rs.getString("nspname"));
        Map<QualifiedName, TableParts> tables = new LinkedHashMap<>();
        catalog.forEachRow(COLUMNS, rs -> readColumn(rs, tables));
        catalog.forEachRow(catalog.forServer(CONSTRAINTS, "ci"), rs -> readConstraint(rs, tables.get(tableName(rs))));
        catalog.forEachRow(catalog.forServer(INDEXES, "i"), rs -> readIndex(rs, tables.get(tableName(rs))));
        List<Sequence> sequences = catalog.list(SEQUENCES, CatalogIntrospector::readSequence);
        List<EnumType> enumTypes = catalog.list(ENUM_TYPES, CatalogIntrospector::readEnumType);
        List<UnownedObject> unowned = new ArrayList<>();
        catalog.forEachRow(UNOWNED, rs -> unowned.add(readUnowned(rs, unowned.size())));
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

    // ---------------------------------------------------------------- statements

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The statements of one introspection, counted; every catalog query takes the same two scope parameters. */
    private static final class Catalog {
        private final Connection connection;
        private final List<String> schemas;
        private final List<String> skippedTables;
        private int queryCount;

        Catalog(Connection connection, List<String> schemas, List<String> skippedTables) {
            this.connection = Objects.requireNonNull(connection, "connection");
            this.schemas = schemas;
            this.skippedTables = skippedTables;
        }

        int queryCount() {
            return queryCount;
        }

        /**
         * {@code sql} for this server: {@code pg_index.indnullsnotdistinct} exists from PostgreSQL 15 on (before, nulls
         * are always distinct), so the placeholder becomes the column of index alias {@code alias}, or {@code false}.
         */
        String forServer(String sql, String alias) throws SQLException {
            boolean hasColumn = connection.getMetaData().getDatabaseMajorVersion() >= 15;
            return sql.replace("%NULLS_NOT_DISTINCT%", hasColumn ? alias + ".indnullsnotdistinct" : "false");
        }

        String searchPath() throws SQLException {
            return single("SELECT pg_catalog.current_setting('search_path')", List.of());
        }

        void setSearchPath(String path) throws SQLException {
            single("SELECT pg_catalog.set_config('search_path', ?, false)", List.of(path));
        }

        <T> List<T> list(String sql, RowMapper<T> mapper) throws SQLException {
            List<T> rows = new ArrayList<>();
            forEachRow(sql, rs -> rows.add(mapper.map(rs)));
            return rows;
        }

        void forEachRow(String sql, RowReader reader) throws SQLException {
            queryCount++;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
                statement.setArray(2, connection.createArrayOf("text", skippedTables.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }

        private String single(String sql, List<String> parameters) throws SQLException {
            queryCount++;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setString(i + 1, parameters.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }
    }

    // ---------------------------------------------------------------- SQL

    /**
     * The scope every query starts from: the two parameters (schemas to read, empty for all; table names to
     * skip), the user namespaces in scope and the tables in scope.
     */
    private static final String SCOPE = """
            WITH params AS (
                SELECT ?::text[] AS schemas, ?::text[] AS skipped
            ), ns AS (
                SELECT n.oid, n.nspname::text AS nspname
                FROM pg_catalog.pg_namespace n CROSS JOIN params p
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'
                  AND (cardinality(p.schemas) = 0 OR n.nspname = ANY (p.schemas))
            ), rel AS (
                SELECT c.oid, ns.nspname, c.relname::text AS relname
                FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace CROSS JOIN params p
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname <> ALL (p.skipped)
            )
            """;

    private static final String NAMESPACES = SCOPE + """
            SELECT nspname FROM ns
            """;

    /** Every table in scope with its columns in attnum order; a table without columns gives one row of nulls. */
    private static final String COLUMNS = SCOPE + """
            SELECT rel.nspname, rel.relname, a.attname::text AS attname,
                   format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                   a.attidentity::text AS attidentity, a.attgenerated::text AS attgenerated,
                   pg_get_expr(d.adbin, d.adrelid) AS default_value,
                   td.description AS table_comment, cd.description AS column_comment,
                   CASE WHEN co.oid IS NOT NULL
                        THEN quote_ident(co_ns.nspname) || '.' || quote_ident(co.collname) END AS collation
            FROM rel
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            -- a collation other than the type's own default (which is what a column without COLLATE gets)
            LEFT JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> ty.typcollation
            LEFT JOIN pg_catalog.pg_namespace co_ns ON co_ns.oid = co.collnamespace
            -- joined, not obj_description()/col_description(): a lookup per column row was 3/4 of this query's time
            LEFT JOIN pg_catalog.pg_description td
                   ON td.objoid = rel.oid AND td.classoid = 'pg_catalog.pg_class'::regclass AND td.objsubid = 0
            LEFT JOIN pg_catalog.pg_description cd
                   ON cd.objoid = rel.oid AND cd.classoid = 'pg_catalog.pg_class'::regclass AND cd.objsubid = a.attnum
            ORDER BY rel.oid, a.attnum
            """;

    /**
     * Primary keys, unique, foreign key, check and exclusion constraints with their columns in key order, and whether they are
     * deferrable. NOT NULL
     * constraints (PostgreSQL 18 stores them as contype 'n') are left out: nullability comes from attnotnull.
     * Constraints with a parent are left out: they are the per-partition copies of a foreign key that
     * references a partitioned table.
     */
    private static final String CONSTRAINTS = SCOPE + """
            SELECT rel.nspname, rel.relname, con.conname::text AS conname, con.contype::text AS contype,
                   ARRAY(SELECT a.attname::text
                         FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                         ORDER BY k.ord) AS columns,
                   ref_ns.nspname::text AS ref_nspname, ref.relname::text AS ref_relname,
                   ARRAY(SELECT a.attname::text
                         FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                         ORDER BY k.ord) AS ref_columns,
                   con.confdeltype::text AS confdeltype, con.confupdtype::text AS confupdtype,
                   con.condeferrable, con.condeferred,
                   ARRAY(SELECT a.attname::text
                         FROM unnest(ci.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = ci.indrelid AND a.attnum = k.attnum
                         WHERE k.ord > ci.indnkeyatts
                         ORDER BY k.ord) AS include,
                   coalesce(%NULLS_NOT_DISTINCT%, false) AS nulls_not_distinct,
                   CASE WHEN con.contype IN ('c', 'x') THEN pg_get_constraintdef(con.oid) END AS definition
            FROM rel
            JOIN pg_catalog.pg_constraint con ON con.conrelid = rel.oid
            -- a key's own index (a foreign key's conindid is the referenced key's, not its own)
            LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = con.conindid AND con.contype IN ('p', 'u')
            LEFT JOIN pg_catalog.pg_class ref ON ref.oid = con.confrelid
            LEFT JOIN pg_catalog.pg_namespace ref_ns ON ref_ns.oid = ref.relnamespace
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0
            """;

    /**
     * Indexes that back no primary key, unique or exclusion constraint. Each key is what pg_get_indexdef prints
     * for it, then its operator class when not the default one, then DESC, then NULLS FIRST/LAST when not the
     * default for the direction (indoption bit 1 = DESC, bit 2 = NULLS FIRST).
     */
    private static final String INDEXES = SCOPE + """
            SELECT rel.nspname, rel.relname, ic.relname::text AS index_name, i.indisunique,
                   am.amname::text AS amname, pg_get_expr(i.indpred, i.indrelid) AS predicate,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k.n, true)
                                || CASE WHEN opc.opcdefault THEN ''
                                        WHEN opc_ns.nspname = 'pg_catalog' THEN ' ' || quote_ident(opc.opcname)
                                        ELSE ' ' || quote_ident(opc_ns.nspname) || '.' || quote_ident(opc.opcname)
                                   END
                                || CASE WHEN i.indoption[k.n - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                                || CASE i.indoption[k.n - 1] & 3
                                        WHEN 1 THEN ' NULLS LAST'
                                        WHEN 2 THEN ' NULLS FIRST'
                                        ELSE ''
                                   END
                         FROM generate_series(1, i.indnkeyatts) AS k(n)
                         JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.n - 1]
                         JOIN pg_catalog.pg_namespace opc_ns ON opc_ns.oid = opc.opcnamespace
                         ORDER BY k.n) AS keys,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k.n, true)
                         FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k(n)
                         ORDER BY k.n) AS include,
                   %NULLS_NOT_DISTINCT% AS nulls_not_distinct
            FROM rel
            JOIN pg_catalog.pg_index i ON i.indrelid = rel.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am am ON am.oid = ic.relam
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                              WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                AND con.contype IN ('p', 'u', 'x'))
            """;

    /**
     * Enum types in scope with their labels in sort order, and the casts through text ({@code WITH INOUT}) from or to
     * each, as {@code source<TAB>target<TAB>context}. Other casts (with a function, binary-coercible) are not read.
     */
    private static final String ENUM_TYPES = SCOPE + """
            SELECT ns.nspname, t.typname::text AS typname,
                   ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                         WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
                   ARRAY(SELECT format_type(c.castsource, NULL) || E'\t' || format_type(c.casttarget, NULL)
                                || E'\t' || c.castcontext::text
                         FROM pg_catalog.pg_cast c
                         WHERE c.castmethod = 'i' AND (c.castsource = t.oid OR c.casttarget = t.oid)
                         ORDER BY 1) AS casts
            FROM ns
            JOIN pg_catalog.pg_type t ON t.typnamespace = ns.oid AND t.typtype = 'e'
            """;

    /**
     * Views, materialized views, functions, procedures and user triggers in scope, in creation order (oid), each with
     * the statement that creates it as PostgreSQL prints it and the tables and views it uses (through pg_depend: a
     * view's rewrite rule, a trigger's table). Left out: what an extension owns, aggregates, internal triggers (those of
     * foreign keys).
     */
    private static final String UNOWNED = SCOPE + """
            SELECT o.kind, o.nspname, o.name, o.table_nspname, o.table_name, o.definition,
                   o.comment, o.options, o.grants, o.indexes, o.populated,
                   ARRAY(SELECT DISTINCT quote_ident(dn.nspname) || '.' || quote_ident(dc.relname)
                         FROM pg_catalog.pg_depend d
                         JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid
                         JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace
                         WHERE d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> o.self
                           AND ((d.classid = 'pg_catalog.pg_rewrite'::regclass
                                 AND d.objid IN (SELECT r.oid FROM pg_catalog.pg_rewrite r WHERE r.ev_class = o.self))
                                OR (d.classid = o.classid AND d.objid = o.oid))
                         ORDER BY 1) AS depends_on,
                   ARRAY(SELECT DISTINCT un.nspname || E'\t' || uc.relname || E'\t' || COALESCE(ua.attname::text, '')
                         FROM pg_catalog.pg_rewrite r
                         JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
                              AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> o.self
                         JOIN pg_catalog.pg_class uc ON uc.oid = d.refobjid
                         JOIN pg_catalog.pg_namespace un ON un.oid = uc.relnamespace
                         LEFT JOIN pg_catalog.pg_attribute ua ON ua.attrelid = d.refobjid AND ua.attnum = d.refobjsubid
                              AND d.refobjsubid > 0
                         WHERE r.ev_class = o.self
                         ORDER BY 1) AS uses
            FROM (
                SELECT c.oid, 'pg_catalog.pg_class'::regclass AS classid, c.oid AS self,
                       CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,
                       ns.nspname, c.relname::text AS name, NULL::text AS table_nspname, NULL::text AS table_name,
                       'CREATE ' || CASE c.relkind WHEN 'v' THEN 'VIEW ' ELSE 'MATERIALIZED VIEW ' END
                           || quote_ident(ns.nspname) || '.' || quote_ident(c.relname) || ' AS' || E'\n'
                           || pg_get_viewdef(c.oid, true) AS definition,
                       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
                       c.reloptions::text[] AS options,
                       ARRAY(SELECT a.privilege_type || E'\t'
                                    || CASE a.grantee WHEN 0 THEN '' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END
                                    || E'\t' || a.is_grantable::text
                             FROM pg_catalog.aclexplode(c.relacl) a
                             WHERE a.grantee <> c.relowner
                             ORDER BY 1) AS grants,
                       ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid)
                             FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                             WHERE i.indrelid = c.oid
                             ORDER BY ic.relname) AS indexes,
                       c.relispopulated AS populated
                FROM ns JOIN pg_catalog.pg_class c ON c.relnamespace = ns.oid AND c.relkind IN ('v', 'm')
                WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.objid = c.oid AND e.deptype = 'e')
                UNION ALL
                SELECT p.oid, 'pg_catalog.pg_proc'::regclass, 0,
                       CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                       ns.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, NULL,
                       pg_get_functiondef(p.oid), NULL, NULL, NULL, NULL, true
                FROM ns JOIN pg_catalog.pg_proc p ON p.pronamespace = ns.oid AND p.prokind IN ('f', 'p')
                WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.objid = p.oid AND e.deptype = 'e')
                UNION ALL
                SELECT t.oid, 'pg_catalog.pg_trigger'::regclass, 0, 'trigger',
                       rel.nspname, t.tgname::text, rel.nspname, rel.relname, pg_get_triggerdef(t.oid, true),
                       NULL, NULL, NULL, NULL, true
                FROM rel JOIN pg_catalog.pg_trigger t ON t.tgrelid = rel.oid AND NOT t.tgisinternal
            ) o
            ORDER BY o.oid
            """;

    /**
     * Sequences in scope, except those an identity column owns (pg_depend 'i'); serial ones and others a column owns
     * ('a', {@code OWNED BY}) stay, with their owner.
     */
    private static final String SEQUENCES = SCOPE + """
            SELECT ns.nspname, c.relname::text AS relname, format_type(s.seqtypid, NULL) AS data_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   own_ns.nspname::text AS owner_nspname, own.relname::text AS owner_relname,
                   own_col.attname::text AS owner_column
            FROM ns
            JOIN pg_catalog.pg_class c ON c.relnamespace = ns.oid AND c.relkind = 'S'
            JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN pg_catalog.pg_depend od ON od.classid = 'pg_catalog.pg_class'::regclass AND od.objid = c.oid
                  AND od.refclassid = 'pg_catalog.pg_class'::regclass AND od.deptype = 'a' AND od.refobjsubid > 0
            LEFT JOIN pg_catalog.pg_class own ON own.oid = od.refobjid
            LEFT JOIN pg_catalog.pg_namespace own_ns ON own_ns.oid = own.relnamespace
            LEFT JOIN pg_catalog.pg_attribute own_col ON own_col.attrelid = od.refobjid AND own_col.attnum = od.refobjsubid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                                AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'i')
            """;
}
