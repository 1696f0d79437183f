package dev.driftless.generator.catalog;

import dev.driftless.model.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells, after each piece of DDL run on a throwaway database, which objects {@link CatalogIntrospector} reads it
 * touched, with a digest of each: so that proving a rollback exact costs what the changeset touched, not a read of
 * the whole catalog per changeset.
 *
 * <p>{@link #install} puts a schema of its own ({@value #SCHEMA}) into the database, and two event triggers when the
 * user may create them (a superuser): {@code ddl_command_end} logs every object a command created or altered,
 * {@code sql_drop} every object it dropped, into a log table. {@link #touched()} takes the log in one statement and
 * maps each logged object to what owns it in a {@link Schema}: an index, constraint, default or column comment to its
 * table, a cast to its enum types, a dropped object by its name. It adds the objects that depend on a touched one
 * (pg_depend), because a rename reprints them without any event of their own: a renamed table changes the foreign
 * keys that reference it, a renamed enum type the columns of that type, a renamed schema everything that names its
 * objects. Then it digests each owner.
 *
 * <p>A digest covers what {@link dev.driftless.model.SchemaDiffer} compares of the owner, printed by the same
 * catalog functions as the introspector's: a table's comment, its columns (name, type, nullability, default,
 * identity, generation, comment, collation), its primary key, unique, foreign key, check and exclusion constraints, and its indexes that
 * back no constraint (keys, operator classes, order, method, predicate, uniqueness, INCLUDE columns, NULLS NOT
 * DISTINCT); deferrability, INCLUDE and NULLS NOT DISTINCT of keys come with {@code pg_get_constraintdef}; a sequence's options and owner unless an
 * identity column owns it; an enum type's labels and its {@code WITH INOUT} casts; a schema's existence. Left out,
 * as the differ leaves them out: the names of constraints and indexes, and the order of columns. So equal digests
 * mean the differ finds no difference; unequal ones need not mean it finds one. An owner the introspector does not
 * read (Liquibase's tables, a partition, a view, an object in a system schema or in {@value #SCHEMA}) has no digest,
 * as if absent. The digest is computed with an empty {@code search_path}, whatever the session's.
 *
 * <p>Without event triggers ({@link Mode#WHOLE_CATALOG}), {@link #touched()} digests every object, still in one
 * statement.
 */
public final class CatalogChanges {

    /** The schema holding the log and the functions; {@link #withoutOwnObjects} hides it from a full read. */
    public static final String SCHEMA = "_driftless_check";

    /** How touched objects are found. */
    public enum Mode {
        /** Event triggers log what each command touched. */
        EVENT_TRIGGERS,
        /** No event triggers (the user is not a superuser): every object counts as touched. */
        WHOLE_CATALOG
    }

    /**
     * An object a {@link Schema} holds, by kind and name.
     *
     * @param kind   {@code table}, {@code sequence}, {@code type} (an enum type) or {@code schema}
     * @param schema its schema; empty for a schema
     */
    public record Key(String kind, String schema, String name) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return kind + " " + (schema.isEmpty() ? name : schema + "." + name);
        }
    }

    /**
     * One touched object now.
     *
     * @param oid    its object id when it exists (to follow renames), else null
     * @param digest {@link #ABSENT} when it does not exist or is not one the introspector reads
     */
    public record State(Key key, Long oid, String digest) {
        public static final String ABSENT = "";

        public State {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * What {@link #touched()} found.
     *
     * @param complete whether {@code states} hold every object there is (then one missing from them is absent)
     */
    public record Touched(List<State> states, boolean complete) {
        public Touched {
            states = List.copyOf(states);
        }
    }

    private final Connection connection;
    private final Mode mode;

    private CatalogChanges(Connection connection, Mode mode) {
        this.connection = connection;
        this.mode = mode;
    }

    /**
     * Installs the log in the database behind {@code connection}, which should be a throwaway one.
     *
     * @param wholeCatalog do not try event triggers; otherwise they are tried, and without the right to create them
     *                     the mode is {@link Mode#WHOLE_CATALOG} as well
     */
    public static CatalogChanges install(Connection connection, boolean wholeCatalog) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // pg_index.indnullsnotdistinct exists from PostgreSQL 15 on; before, nulls are always distinct
            statement.execute(MACHINERY.replace("%NULLS_NOT_DISTINCT%",
                    connection.getMetaData().getDatabaseMajorVersion() >= 15 ? "i.indnullsnotdistinct" : "false"));
        }
        boolean triggers = !wholeCatalog && eventTriggers(connection);
        return new CatalogChanges(connection, triggers ? Mode.EVENT_TRIGGERS : Mode.WHOLE_CATALOG);
    }

    private static boolean eventTriggers(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // both triggers or neither
        try (Statement statement = connection.createStatement()) {
            statement.execute(TRIGGERS);
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            if ("42501".equals(e.getSQLState())) { // insufficient_privilege: only a superuser creates event triggers
                return false;
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    public Mode mode() {
        return mode;
    }

    /** Every object there is, with its digest; empties the log. */
    public Touched everything() throws SQLException {
        return new Touched(step(true), true);
    }

    /**
     * The objects touched since the last call, with their digests now; every object in {@link Mode#WHOLE_CATALOG}.
     * Runs on the caller's connection, inside its transaction if one is open (so it sees uncommitted DDL).
     */
    public Touched touched() throws SQLException {
        return mode == Mode.EVENT_TRIGGERS ? new Touched(step(false), false) : everything();
    }

    private List<State> step(boolean everything) throws SQLException {
        List<State> states = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT kind, nsp, name, oid, digest FROM " + SCHEMA + ".step(?)")) {
            statement.setBoolean(1, everything);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong("oid");
                    Long existing = rs.wasNull() ? null : oid;
                    Key key = new Key(rs.getString("kind"), Objects.requireNonNullElse(rs.getString("nsp"), ""), rs.getString("name"));
                    states.add(new State(key, existing, Objects.requireNonNullElse(rs.getString("digest"), State.ABSENT)));
                }
            }
        }
        return states;
    }

    /** Removes the triggers, the log and the functions. */
    public void uninstall() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP EVENT TRIGGER IF EXISTS driftless_check_ddl; DROP EVENT TRIGGER IF EXISTS driftless_check_drop;"
                    + " DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** {@code schema} as read while the log was installed, without the log's own schema. */
    public static Schema withoutOwnObjects(Schema schema) {
        return new Schema(schema.namespaces().stream().filter(n -> !n.equals(SCHEMA)).toList(),
                schema.tables().stream().filter(t -> !t.name().schema().equals(SCHEMA)).toList(),
                schema.sequences().stream().filter(s -> !s.name().schema().equals(SCHEMA)).toList(),
                schema.enumTypes().stream().filter(e -> !e.name().schema().equals(SCHEMA)).toList(),
                schema.unowned().stream().filter(o -> !o.name().schema().equals(SCHEMA)).toList());
    }

    // ---------------------------------------------------------------- SQL

    private static final String TRIGGERS = """
            CREATE EVENT TRIGGER driftless_check_ddl ON ddl_command_end EXECUTE FUNCTION _driftless_check.on_ddl();
            CREATE EVENT TRIGGER driftless_check_drop ON sql_drop EXECUTE FUNCTION _driftless_check.on_drop();
            """;

    /**
     * The log ({@code touched}: a created or altered object by catalog address, a dropped one by kind and name), the
     * indexes' tables (a dropped index no longer says which table it was on), the tables' names at the last step
     * ({@code known}, to tell a rename), the triggers' functions, the digests and {@code step}, which takes the log and
     * returns every touched owner with its digest.
     */
    private static final String MACHINERY = """
            CREATE SCHEMA _driftless_check;
            CREATE TABLE _driftless_check.touched (classid oid, objid oid, objsubid int, kind text, nsp text, name text);
            CREATE TABLE _driftless_check.known (oid oid PRIMARY KEY, name text NOT NULL);
            CREATE TABLE _driftless_check.index_owner (index_oid oid PRIMARY KEY, table_oid oid NOT NULL);
            INSERT INTO _driftless_check.index_owner SELECT i.indexrelid, i.indrelid FROM pg_catalog.pg_index i;

            CREATE FUNCTION _driftless_check.on_ddl() RETURNS event_trigger LANGUAGE plpgsql SET search_path = '' AS $$
            BEGIN
                INSERT INTO _driftless_check.touched (classid, objid, objsubid)
                SELECT c.classid, c.objid, c.objsubid FROM pg_catalog.pg_event_trigger_ddl_commands() c;
                INSERT INTO _driftless_check.index_owner (index_oid, table_oid)
                SELECT i.indexrelid, i.indrelid
                FROM pg_catalog.pg_event_trigger_ddl_commands() c
                JOIN pg_catalog.pg_index i ON i.indexrelid = c.objid OR i.indrelid = c.objid
                WHERE c.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                ON CONFLICT (index_oid) DO NOTHING;
            END $$;

            -- Columns, constraints and defaults are logged as their table (address_names: schema, table, name).
            CREATE FUNCTION _driftless_check.on_drop() RETURNS event_trigger LANGUAGE plpgsql SET search_path = '' AS $$
            BEGIN
                INSERT INTO _driftless_check.touched (classid, objid, kind, nsp, name)
                SELECT d.classid, d.objid,
                       CASE WHEN d.object_type IN ('table', 'sequence', 'type', 'index', 'schema', 'cast')
                            THEN d.object_type ELSE 'table' END,
                       CASE WHEN d.object_type IN ('table', 'sequence', 'type', 'index') THEN d.schema_name
                            WHEN d.object_type = 'schema' THEN NULL
                            ELSE d.address_names[1] END,
                       CASE WHEN d.object_type IN ('table', 'sequence', 'type', 'index', 'schema') THEN d.object_name
                            WHEN d.object_type = 'cast' THEN d.address_args[1]
                            ELSE d.address_names[2] END
                FROM pg_catalog.pg_event_trigger_dropped_objects() d
                WHERE d.object_type IN ('table', 'sequence', 'type', 'index', 'schema', 'cast', 'table column',
                                        'table constraint', 'default value');
            END $$;

            CREATE FUNCTION _driftless_check.in_scope(nsp text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
                SELECT nsp NOT IN ('pg_catalog', 'information_schema', '_driftless_check')
                   AND nsp !~ '^pg_toast' AND nsp !~ '^pg_temp_'
            $$;

            CREATE FUNCTION _driftless_check.enum_digest(type oid) RETURNS text LANGUAGE plpgsql STABLE AS $$
            BEGIN
            RETURN (
                SELECT pg_catalog.md5(pg_catalog.format('%L %L',
                    ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = type ORDER BY e.enumsortorder),
                    ARRAY(SELECT pg_catalog.format_type(c.castsource, NULL) || ' ' || pg_catalog.format_type(c.casttarget, NULL)
                                 || ' ' || c.castcontext::text
                          FROM pg_catalog.pg_cast c
                          WHERE c.castmethod = 'i' AND (c.castsource = type OR c.casttarget = type)
                          ORDER BY 1))));
            END $$;

            -- Only a rename reprints other objects. So the closure follows what depends on a touched object when that
            -- object is no table (types, sequences, schemas, functions are rarely touched and have few dependents), or is
            -- a table whose name changed since the last step (known) or one of whose columns was named (renamed,
            -- commented); not for every change to a table, which would digest every table that references it. Below
            -- the first level it goes through everything but tables and views (their own dependents are not
            -- reprinted), except a schema's tables (renaming the schema reprints what names them).
            CREATE FUNCTION _driftless_check.step(everything boolean)
            RETURNS TABLE (kind text, nsp text, name text, oid oid, digest text)
            LANGUAGE plpgsql SET search_path = '' AS $$
            #variable_conflict use_column
            BEGIN
            IF everything THEN -- as if every object had been touched (-1: nothing to follow from there, all are here);
                               -- the query below stays free of parameters, so its plan is cached
                INSERT INTO _driftless_check.touched (classid, objid, objsubid)
                SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, k.oid, -1
                FROM pg_catalog.pg_class k JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace
                WHERE k.relkind IN ('r', 'p', 'S') AND _driftless_check.in_scope(n.nspname)
                UNION ALL
                SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, -1
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype = 'e' AND _driftless_check.in_scope(n.nspname)
                UNION ALL
                SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass, n.oid, -1
                FROM pg_catalog.pg_namespace n WHERE _driftless_check.in_scope(n.nspname);
            END IF;
            RETURN QUERY
            WITH RECURSIVE taken AS (
                DELETE FROM _driftless_check.touched RETURNING *
            ), reported (classid, objid, expand) AS (
                SELECT t.classid, t.objid, t.objsubid >= 0 AND (
                       t.classid <> 'pg_catalog.pg_class'::pg_catalog.regclass OR t.objsubid <> 0
                       OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class k
                                      WHERE k.oid = t.objid AND k.relkind IN ('r', 'p', 'v', 'm', 'f'))
                       OR EXISTS (SELECT 1 FROM _driftless_check.known w
                                  JOIN pg_catalog.pg_class k ON k.oid = w.oid
                                  JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace
                                  WHERE w.oid = t.objid AND w.name <> pg_catalog.format('%I.%I', n.nspname, k.relname)))
                FROM taken t WHERE t.kind IS NULL
                UNION
                SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, o.table_oid, false
                FROM taken t JOIN _driftless_check.index_owner o ON o.index_oid = t.objid WHERE t.kind = 'index'
                UNION
                SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, v.type, true
                FROM taken t, LATERAL (VALUES (pg_catalog.to_regtype(t.nsp)), (pg_catalog.to_regtype(t.name))) AS v(type)
                WHERE t.kind = 'cast' AND v.type IS NOT NULL
            ), closure (classid, objid, expand) AS (
                SELECT r.classid, r.objid, r.expand FROM reported r
                UNION
                SELECT d.classid, d.objid,
                       c.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                       OR d.classid <> 'pg_catalog.pg_class'::pg_catalog.regclass
                       OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class k
                                      WHERE k.oid = d.objid AND k.relkind IN ('r', 'p', 'v', 'm', 'f'))
                FROM closure c
                JOIN pg_catalog.pg_depend d ON d.refclassid = c.classid AND d.refobjid = c.objid
                WHERE c.expand
            ), owner (kind, oid) AS (
                SELECT CASE WHEN k.relkind = 'S' THEN 'sequence' ELSE 'table' END, k.oid
                FROM closure x JOIN pg_catalog.pg_class k ON k.oid = x.objid
                WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND k.relkind IN ('r', 'p', 'S')
                UNION
                SELECT 'table', i.indrelid FROM closure x JOIN pg_catalog.pg_index i ON i.indexrelid = x.objid
                WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                UNION
                SELECT 'table', con.conrelid FROM closure x JOIN pg_catalog.pg_constraint con ON con.oid = x.objid
                WHERE x.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND con.conrelid <> 0
                UNION
                SELECT 'table', ad.adrelid FROM closure x JOIN pg_catalog.pg_attrdef ad ON ad.oid = x.objid
                WHERE x.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                UNION
                SELECT 'type', t.oid FROM closure x JOIN pg_catalog.pg_type t ON t.oid = x.objid
                WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.typtype = 'e'
                UNION
                SELECT 'type', t.oid FROM closure x JOIN pg_catalog.pg_cast ca ON ca.oid = x.objid
                JOIN pg_catalog.pg_type t ON t.oid IN (ca.castsource, ca.casttarget) AND t.typtype = 'e'
                WHERE x.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass
                UNION
                SELECT 'schema', x.objid FROM closure x WHERE x.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
            ), named (kind, oid, nsp, name) AS (
                SELECT o.kind, o.oid, n.nspname::text, k.relname::text
                FROM owner o JOIN pg_catalog.pg_class k ON k.oid = o.oid JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace
                WHERE o.kind IN ('table', 'sequence')
                UNION
                SELECT o.kind, o.oid, n.nspname::text, t.typname::text
                FROM owner o JOIN pg_catalog.pg_type t ON t.oid = o.oid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE o.kind = 'type'
                UNION
                SELECT o.kind, o.oid, NULL, n.nspname::text
                FROM owner o JOIN pg_catalog.pg_namespace n ON n.oid = o.oid
                WHERE o.kind = 'schema'
                UNION
                SELECT t.kind,
                       CASE t.kind
                           WHEN 'schema' THEN (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = t.name)
                           WHEN 'type' THEN (SELECT y.oid FROM pg_catalog.pg_type y
                                             JOIN pg_catalog.pg_namespace n ON n.oid = y.typnamespace
                                             WHERE n.nspname = t.nsp AND y.typname = t.name AND y.typtype = 'e')
                           ELSE (SELECT k.oid FROM pg_catalog.pg_class k
                                 JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace
                                 WHERE n.nspname = t.nsp AND k.relname = t.name
                                   AND k.relkind = ANY (CASE t.kind WHEN 'sequence' THEN '{S}'::"char"[]
                                                                    ELSE '{r,p}'::"char"[] END))
                       END,
                       CASE WHEN t.kind = 'schema' THEN NULL ELSE t.nsp END, t.name
                FROM taken t WHERE t.kind IN ('table', 'sequence', 'type', 'schema')
            ), target AS (
                SELECT DISTINCT ON (x.kind, x.nsp, x.name) x.kind, x.nsp, x.name, x.oid
                FROM named x ORDER BY x.kind, x.nsp, x.name, x.oid NULLS LAST
            ), remembered AS (
                INSERT INTO _driftless_check.known (oid, name)
                SELECT x.oid, pg_catalog.format('%I.%I', x.nsp, x.name) FROM target x
                WHERE x.kind = 'table' AND x.oid IS NOT NULL
                ON CONFLICT (oid) DO UPDATE SET name = excluded.name
            -- The digests, set-based so that a whole catalog costs one pass. Comments are joined rather than looked up
            -- per column (col_description); an index's operator classes count by oid (the introspector prints the
            -- names of those that are not the default).
            ), tbl AS (
                SELECT k.oid, k.relkind, td.description
                FROM target x JOIN pg_catalog.pg_class k ON k.oid = x.oid
                LEFT JOIN pg_catalog.pg_description td ON td.objoid = k.oid AND td.objsubid = 0
                                                       AND td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                WHERE x.kind = 'table' AND _driftless_check.in_scope(x.nsp) AND k.relkind IN ('r', 'p')
                  AND NOT k.relispartition
                  AND k.relname NOT IN ('databasechangelog', 'databasechangeloglock', 'databasechangelog_driftless')
            ), cols AS (
                SELECT a.attrelid AS oid, pg_catalog.string_agg(pg_catalog.format('%L %L %L %L %L %L %L %L', a.attname,
                           pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity, a.attgenerated,
                           pg_catalog.pg_get_expr(d.adbin, d.adrelid), cd.description,
                           (SELECT co.collname FROM pg_catalog.pg_collation co WHERE co.oid = a.attcollation)),
                           E'\n' ORDER BY a.attname) AS text
                FROM tbl JOIN pg_catalog.pg_attribute a ON a.attrelid = tbl.oid AND a.attnum > 0 AND NOT a.attisdropped
                LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                LEFT JOIN pg_catalog.pg_description cd ON cd.objoid = a.attrelid AND cd.objsubid = a.attnum
                                                      AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                GROUP BY a.attrelid
            ), cons AS (
                SELECT c.conrelid AS oid, pg_catalog.string_agg(c.line, E'\n' ORDER BY c.line) AS text
                FROM (SELECT con.conrelid, pg_catalog.format('%s %L', con.contype, pg_catalog.pg_get_constraintdef(con.oid)) AS line
                      FROM tbl JOIN pg_catalog.pg_constraint con ON con.conrelid = tbl.oid
                      WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conparentid = 0) c
                GROUP BY c.conrelid
            ), idx AS (
                SELECT c.indrelid AS oid, pg_catalog.string_agg(c.line, E'\n' ORDER BY c.line) AS text
                FROM (SELECT i.indrelid, pg_catalog.format('%L %L %L %L %s %s %s %s', i.indisunique, am.amname,
                             pg_catalog.pg_get_expr(i.indpred, i.indrelid),
                             ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, n.n, true)
                                   FROM pg_catalog.generate_series(1, i.indnatts) AS n(n) ORDER BY n.n),
                             i.indclass, i.indoption, i.indnkeyatts, %NULLS_NOT_DISTINCT%) AS line
                      FROM tbl JOIN pg_catalog.pg_index i ON i.indrelid = tbl.oid
                      JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                      JOIN pg_catalog.pg_am am ON am.oid = ic.relam
                      WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                                        WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                          AND con.contype IN ('p', 'u', 'x'))) c
                GROUP BY c.indrelid
            ), seq AS (
                SELECT s.seqrelid AS oid, pg_catalog.format('%s %s %s %s %s %s %s %L', pg_catalog.format_type(s.seqtypid, NULL),
                           s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                           (SELECT pg_catalog.format('%I.%I.%I', own_ns.nspname, own.relname, a.attname)
                            FROM pg_catalog.pg_depend od
                            JOIN pg_catalog.pg_class own ON own.oid = od.refobjid
                            JOIN pg_catalog.pg_namespace own_ns ON own_ns.oid = own.relnamespace
                            JOIN pg_catalog.pg_attribute a ON a.attrelid = od.refobjid AND a.attnum = od.refobjsubid
                            WHERE od.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND od.objid = s.seqrelid
                              AND od.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND od.deptype = 'a'
                              AND od.refobjsubid > 0)) AS text
                FROM target x JOIN pg_catalog.pg_sequence s ON s.seqrelid = x.oid
                WHERE x.kind = 'sequence' AND _driftless_check.in_scope(x.nsp)
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.seqrelid
                                    AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i')
            )
            SELECT x.kind, x.nsp, x.name, x.oid,
                   CASE WHEN x.oid IS NULL THEN NULL
                        WHEN x.kind = 'schema' THEN CASE WHEN _driftless_check.in_scope(x.name) THEN 'schema' END
                        WHEN x.kind = 'table' THEN CASE WHEN tbl.oid IS NOT NULL THEN pg_catalog.md5(pg_catalog.format(
                                 '%s %L %L %L %L', tbl.relkind, tbl.description, cols.text, cons.text, idx.text)) END
                        WHEN x.kind = 'sequence' THEN pg_catalog.md5(seq.text)
                        WHEN _driftless_check.in_scope(x.nsp) THEN _driftless_check.enum_digest(x.oid)
                   END
            FROM target x
            LEFT JOIN tbl ON x.kind = 'table' AND tbl.oid = x.oid
            LEFT JOIN cols ON cols.oid = tbl.oid
            LEFT JOIN cons ON cons.oid = tbl.oid
            LEFT JOIN idx ON idx.oid = tbl.oid
            LEFT JOIN seq ON x.kind = 'sequence' AND seq.oid = x.oid;
            END $$;
            """;
}
