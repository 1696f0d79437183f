package dev.driftless.generator.catalog;

/**
 * The catalog queries {@link CatalogIntrospector} sends: one bulk query per kind of object, each starting from the same
 * scope ({@link #SCOPE}) and taking its two parameters.
 */
final class CatalogQueries {

    private CatalogQueries() {
    }

    /**
     * The scope every query starts from: the two parameters (schemas to read, empty for all; table names to
     * skip), the user namespaces in scope and the tables in scope.
     */
    static final String SCOPE = """
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

    static final String NAMESPACES = SCOPE + """
            SELECT nspname FROM ns
            """;

    /** Every table in scope with its columns in attnum order; a table without columns gives one row of nulls. */
    static final String COLUMNS = SCOPE + """
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
    static final String CONSTRAINTS = SCOPE + """
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
    static final String INDEXES = SCOPE + """
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
    static final String ENUM_TYPES = SCOPE + """
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
    static final String UNOWNED = SCOPE + """
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
                         FROM pg_catalog.pg_depend d
                         JOIN pg_catalog.pg_class uc ON uc.oid = d.refobjid
                         JOIN pg_catalog.pg_namespace un ON un.oid = uc.relnamespace
                         LEFT JOIN pg_catalog.pg_attribute ua ON ua.attrelid = d.refobjid AND ua.attnum = d.refobjsubid
                              AND d.refobjsubid > 0
                         WHERE d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> o.self
                           -- a view's rewrite rule uses tables and columns; a trigger the columns of UPDATE OF and WHEN
                           AND ((d.classid = 'pg_catalog.pg_rewrite'::regclass
                                 AND d.objid IN (SELECT r.oid FROM pg_catalog.pg_rewrite r WHERE r.ev_class = o.self))
                                OR (o.classid = 'pg_catalog.pg_trigger'::regclass AND d.classid = o.classid
                                    AND d.objid = o.oid AND d.refobjsubid > 0))
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
    static final String SEQUENCES = SCOPE + """
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
