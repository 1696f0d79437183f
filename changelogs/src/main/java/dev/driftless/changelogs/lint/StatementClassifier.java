package dev.driftless.changelogs.lint;

import static dev.driftless.changelogs.lint.Finding.ACCESS_EXCLUSIVE;
import static dev.driftless.changelogs.lint.Finding.NONE;
import static dev.driftless.changelogs.lint.Finding.ROW_EXCLUSIVE;
import static dev.driftless.changelogs.lint.Finding.SHARE;
import static dev.driftless.changelogs.lint.Finding.SHARE_ROW_EXCLUSIVE;
import static dev.driftless.changelogs.lint.Finding.SHARE_UPDATE_EXCLUSIVE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies PostgreSQL statements by what they do to a table that already holds data (PostgreSQL 12+): the risk, the
 * lock, whether the table is scanned or rewritten, and the rule that says so. Static: it reads the SQL, not the
 * database. A statement no rule knows is {@link Risk#UNKNOWN}, never safe.
 *
 * <p>Rules that only matter for a table with rows (building an index, validating a constraint, SET NOT NULL) are safe
 * on a table created earlier in the same lint run ({@code newTables}); rules that lose data are not.
 */
public final class StatementClassifier {

    private static final String NAME = "(?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMP|TEMPORARY|UNLOGGED) )?TABLE (?:IF NOT EXISTS )?(" + NAME + ")");
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(" + NAME + ")(?: \\*)? (.*)$");
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "^CREATE (?:OR REPLACE )?(?:(?:TEMP|TEMPORARY|RECURSIVE) )?(MATERIALIZED )?VIEW (?:IF NOT EXISTS )?(" + NAME + ")");
    private static final Pattern DROP_VIEW = Pattern.compile("^DROP (MATERIALIZED )?VIEW (?:IF EXISTS )?(" + NAME + ")(?: RESTRICT)?$");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE (UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?(?:" + NAME + " )?ON (?:ONLY )?(" + NAME + ")");
    private static final Pattern TRUNCATING_CAST = Pattern.compile(
            "::\\s*(?:CHARACTER VARYING|VARCHAR|CHARACTER|CHAR|BPCHAR|NUMERIC|DECIMAL|BIT VARYING|VARBIT|BIT)\\s*\\(");
    private static final Pattern NARROW_TYPE = Pattern.compile(
            "^(?:SMALLINT|INT2|INTEGER|INT|INT4|REAL|FLOAT4|OID|BYTEA|CHARACTER VARYING ?\\(|VARCHAR ?\\(|CHARACTER ?\\(|CHAR ?\\(|NUMERIC ?\\(|DECIMAL ?\\()");
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "DEFAULT .*\\b(?:RANDOM|GEN_RANDOM_UUID|UUID_GENERATE_V[1-5]|CLOCK_TIMESTAMP|TIMEOFDAY|NEXTVAL|TXID_CURRENT)\\s*\\(");
    private static final Pattern SERIAL_OR_GENERATED = Pattern.compile(
            "^\\S+ (?:SMALLSERIAL|SERIAL|BIGSERIAL|SERIAL2|SERIAL4|SERIAL8)\\b|\\bGENERATED (?:ALWAYS|BY DEFAULT) AS\\b");

    /**
     * The table a statement creates (as a {@link SqlText#tableKey key}), if it is a CREATE TABLE, or the materialized
     * view it creates: both hold rows nobody else sees until the changeset commits, and both can be indexed.
     */
    public static Optional<String> createdTable(String statement) {
        for (String masked : SqlText.statements(statement)) {
            Matcher m = CREATE_TABLE.matcher(masked);
            if (m.find()) {
                return Optional.of(SqlText.tableKey(m.group(1)));
            }
            Matcher view = CREATE_VIEW.matcher(masked);
            if (view.find() && view.group(1) != null) {
                return Optional.of(SqlText.tableKey(view.group(2)));
            }
        }
        return Optional.empty();
    }

    /**
     * The views and materialized views {@code sql} creates (as {@link SqlText#tableKey keys}): a view a changeset drops
     * and creates again is re-created, not lost (around a column's type change, say).
     */
    public static Set<String> createdViews(String sql) {
        Set<String> views = new java.util.HashSet<>();
        for (String masked : SqlText.statements(sql)) {
            Matcher m = CREATE_VIEW.matcher(masked);
            if (m.find()) {
                views.add(SqlText.tableKey(m.group(2)));
            }
        }
        return views;
    }

    /**
     * The findings for each statement in {@code sql} (one or more per statement), in order; {@code sql} is taken as
     * one changeset: a view it drops and creates again is re-created.
     */
    public List<Finding> classify(String sql, Set<String> newTables) {
        return classify(sql, newTables, new NotNullProofs(), createdViews(sql));
    }

    /**
     * As {@link #classify(String, Set)}, with the NOT NULL proofs seen so far in the same run and the views the
     * statement's changeset creates.
     */
    List<Finding> classify(String sql, Set<String> newTables, NotNullProofs proofs, Set<String> recreatedViews) {
        List<Finding> findings = new ArrayList<>();
        for (String statement : SqlText.statements(sql)) {
            findings.addAll(classifyOne(statement, newTables, proofs, recreatedViews));
        }
        return findings;
    }

    private List<Finding> classifyOne(String s, Set<String> newTables, NotNullProofs proofs, Set<String> recreatedViews) {
        if (s.startsWith("ALTER TABLE ")) {
            return alterTable(s, newTables, proofs);
        }
        if (s.startsWith("CREATE ") && s.matches("^CREATE (UNIQUE )?INDEX .*")) {
            return List.of(createIndex(s, newTables));
        }
        Matcher drop = DROP_VIEW.matcher(s);
        if (drop.find() && recreatedViews.contains(SqlText.tableKey(drop.group(2)))) {
            return List.of(rebuiltView(drop.group(1) != null));
        }
        return List.of(other(s));
    }

    /** A view dropped and created again in the same changeset: its definition comes back, and a materialized view's rows. */
    private static Finding rebuiltView(boolean materialized) {
        return materialized
                ? caution("rebuild-view", ACCESS_EXCLUSIVE, TableEffect.REWRITE, "drops the materialized view to re-create it in the"
                        + " same changeset: its rows are computed again by its query, not lost; reads of it wait until the changeset commits")
                : Finding.safe("rebuild-view", ACCESS_EXCLUSIVE, "drops the view to re-create it in the same changeset from its"
                        + " definition: nothing is lost, and reads of it wait until the changeset commits");
    }

    private static Finding other(String s) {
        if (s.matches("^DROP TABLE .*")) {
            return danger("drop-table", ACCESS_EXCLUSIVE, "drops the table and every row in it");
        }
        if (s.matches("^DROP SCHEMA .*")) {
            return danger("drop-schema", ACCESS_EXCLUSIVE, "drops the schema" + (s.contains(" CASCADE") ? " and everything in it" : ""));
        }
        if (s.matches("^DROP SEQUENCE .*")) {
            return danger("drop-sequence", ACCESS_EXCLUSIVE, "drops the sequence and its current value; re-created, it starts over and hands out used keys");
        }
        if (s.matches("^TRUNCATE .*")) {
            return danger("truncate", ACCESS_EXCLUSIVE, "deletes every row of the table");
        }
        if (s.matches("^DELETE FROM .*")) {
            return s.contains(" WHERE ")
                    ? caution("delete", ROW_EXCLUSIVE, TableEffect.SCAN, "deletes rows; only a backup brings them back")
                    : danger("delete-without-where", ROW_EXCLUSIVE, "deletes every row of the table (no WHERE)");
        }
        if (s.matches("^UPDATE .*")) {
            return s.contains(" WHERE ")
                    ? caution("update", ROW_EXCLUSIVE, TableEffect.SCAN, "overwrites values and locks the rows it changes until commit")
                    : danger("update-without-where", ROW_EXCLUSIVE, "overwrites a value in every row of the table (no WHERE)");
        }
        if (s.matches("^DROP INDEX CONCURRENTLY .*")) {
            return Finding.safe("drop-index", SHARE_UPDATE_EXCLUSIVE, "drops the index without blocking reads or writes");
        }
        if (s.matches("^DROP INDEX .*")) {
            return caution("drop-index", ACCESS_EXCLUSIVE, TableEffect.NONE,
                    "blocks reads and writes of the table while it waits for its lock; use DROP INDEX CONCURRENTLY");
        }
        if (s.matches("^DROP (VIEW|MATERIALIZED VIEW|FUNCTION|PROCEDURE|TRIGGER|TYPE|DOMAIN|EXTENSION|RULE|POLICY) .*")) {
            return caution("drop-object", ACCESS_EXCLUSIVE, TableEffect.NONE, "drops an object code may still use");
        }
        if (s.matches("^CREATE (OR REPLACE )?(SCHEMA|SEQUENCE|TYPE|DOMAIN|EXTENSION|FUNCTION|PROCEDURE|VIEW|TRIGGER|AGGREGATE|CAST|COLLATION) .*")
                || s.matches("^CREATE OR REPLACE .*") || s.matches("^CREATE TEMP(ORARY)? VIEW .*")) {
            return Finding.safe("create", NONE, "creates a new object");
        }
        if (s.matches("^CREATE MATERIALIZED VIEW .*")) {
            return Finding.safe("create", NONE, "creates a materialized view and fills it by running its query, which only reads its tables");
        }
        if (s.matches("^ALTER (VIEW|MATERIALIZED VIEW) (IF EXISTS )?" + NAME + " (SET|RESET) \\(.*")) {
            return Finding.safe("alter-view", ACCESS_EXCLUSIVE, "changes the view's options, a catalog update");
        }
        if (CREATE_TABLE.matcher(s).find()) {
            return Finding.safe("create-table", NONE, "creates a new table");
        }
        if (s.matches("^(SET|RESET|SHOW|SELECT|ANALYZE|COMMENT ON|GRANT|REVOKE|VACUUM (?!FULL)|VACUUM$|ALTER SEQUENCE|INSERT INTO|ALTER DEFAULT PRIVILEGES|SECURITY LABEL)\\b.*")) {
            return Finding.safe("harmless", s.startsWith("INSERT") ? ROW_EXCLUSIVE : NONE, "changes no existing data and takes no blocking lock");
        }
        if (s.matches("^ALTER TYPE .* (ADD VALUE|RENAME VALUE|OWNER TO) .*")) {
            return Finding.safe("alter-type", NONE, "changes the type's catalog entry only");
        }
        if (s.matches("^ALTER (INDEX|SEQUENCE) .* RENAME TO .*")) {
            return Finding.safe("rename-index", ACCESS_EXCLUSIVE, "renames an index or sequence, a catalog update");
        }
        if (s.matches("^ALTER (VIEW|MATERIALIZED VIEW|FUNCTION|PROCEDURE|SCHEMA|TYPE) .* RENAME .*")) {
            return caution("rename", ACCESS_EXCLUSIVE, TableEffect.NONE, "renames an object: code running with the old name breaks");
        }
        if (s.matches("^(VACUUM FULL|CLUSTER)\\b.*")) {
            return caution("rewrite-table", ACCESS_EXCLUSIVE, TableEffect.REWRITE, "rewrites the table, blocking reads and writes");
        }
        if (s.matches("^REINDEX .*")) {
            return s.contains(" CONCURRENTLY ")
                    ? Finding.safe("reindex", SHARE_UPDATE_EXCLUSIVE, "rebuilds the index without blocking writes")
                    : caution("reindex", ACCESS_EXCLUSIVE, TableEffect.SCAN, "rebuilds the index, blocking writes; use REINDEX CONCURRENTLY");
        }
        if (s.matches("^REFRESH MATERIALIZED VIEW .*")) {
            return s.contains(" CONCURRENTLY ")
                    ? Finding.safe("refresh-view", SHARE_UPDATE_EXCLUSIVE, "refreshes the view without blocking reads")
                    : caution("refresh-view", ACCESS_EXCLUSIVE, TableEffect.REWRITE, "blocks reads of the view while it refreshes");
        }
        return new Finding("unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE,
                "no rule knows this statement: review it by hand (" + abbreviate(s) + ")");
    }

    private static Finding createIndex(String s, Set<String> newTables) {
        Matcher m = CREATE_INDEX.matcher(s);
        if (!m.find()) {
            return new Finding("unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE, "an index statement no rule reads: " + abbreviate(s));
        }
        if (m.group(2) != null) {
            return new Finding("create-index", Risk.SAFE, SHARE_UPDATE_EXCLUSIVE, TableEffect.SCAN,
                    "builds the index without blocking writes");
        }
        if (newTables.contains(SqlText.tableKey(m.group(3)))) {
            return Finding.safe("create-index", SHARE, "indexes a table created in this changelog");
        }
        return caution("create-index", SHARE, TableEffect.SCAN, "blocks writes to " + SqlText.tableKey(m.group(3))
                + " while the index builds; use CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX CONCURRENTLY in a changeset with runInTransaction:false");
    }

    private List<Finding> alterTable(String s, Set<String> newTables, NotNullProofs proofs) {
        Matcher m = ALTER_TABLE.matcher(s);
        if (!m.find()) {
            return List.of(new Finding("unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE, "an ALTER TABLE no rule reads: " + abbreviate(s)));
        }
        String table = SqlText.tableKey(m.group(1));
        boolean isNew = newTables.contains(table);
        List<String> actions = SqlText.topLevelParts(m.group(2));
        boolean addsKey = actions.stream().anyMatch(a -> a.matches("^ADD (CONSTRAINT \\S+ )?(PRIMARY KEY|UNIQUE)\\b.*"));
        List<Finding> findings = new ArrayList<>();
        for (String action : actions) {
            if (proofs.proves(table, action)) {
                findings.add(Finding.safe("set-not-null", ACCESS_EXCLUSIVE,
                        "a valid CHECK (col IS NOT NULL) proves it: no scan, a brief lock"));
            } else if (proofs.redundantCheckDropped(table, action)) {
                findings.add(Finding.safe("drop-constraint", ACCESS_EXCLUSIVE,
                        "drops a CHECK (col IS NOT NULL) the column's own NOT NULL now enforces"));
            } else if (addsKey && action.startsWith("DROP CONSTRAINT ")) {
                findings.add(Finding.safe("drop-constraint", ACCESS_EXCLUSIVE,
                        "a key replaced by the one added in the same statement: the table is never without one"));
            } else {
                findings.add(action(action, table, isNew));
            }
            proofs.see(table, action);
        }
        return findings;
    }

    private static Finding action(String a, String table, boolean isNew) {
        if (a.matches("^DROP (COLUMN )?(IF EXISTS )?(?!CONSTRAINT )\\S+.*") && !a.startsWith("DROP CONSTRAINT")) {
            return danger("drop-column", ACCESS_EXCLUSIVE, "drops a column of " + table + " and its values");
        }
        if (a.startsWith("DROP CONSTRAINT ")) {
            return caution("drop-constraint", ACCESS_EXCLUSIVE, TableEffect.NONE,
                    "stops enforcing a constraint of " + table + " (its rule is gone until re-added)");
        }
        if (a.matches("^RENAME CONSTRAINT .*")) {
            return Finding.safe("rename-constraint", ACCESS_EXCLUSIVE, "renames a constraint, a catalog update");
        }
        if (a.matches("^RENAME .*") || a.matches("^SET SCHEMA .*")) {
            return caution("rename", ACCESS_EXCLUSIVE, TableEffect.NONE,
                    (a.startsWith("RENAME TO") || a.startsWith("SET SCHEMA") ? "renames " + table : "renames a column of " + table)
                            + ": code running with the old name breaks; deploy code that reads both first");
        }
        if (a.startsWith("ADD ") && a.matches("^ADD (CONSTRAINT \\S+ )?(PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK|EXCLUDE)\\b.*")) {
            return addConstraint(a, table, isNew);
        }
        if (a.startsWith("ADD ")) {
            return addColumn(a, table, isNew);
        }
        if (a.matches("^VALIDATE CONSTRAINT .*")) {
            return new Finding("validate-constraint", Risk.SAFE, SHARE_UPDATE_EXCLUSIVE, TableEffect.SCAN,
                    "checks existing rows without blocking reads or writes");
        }
        if (a.matches("^ALTER (COLUMN )?\\S+ (SET DATA )?TYPE .*")) {
            return alterType(a, table, isNew);
        }
        if (a.matches("^ALTER (COLUMN )?\\S+ SET NOT NULL.*")) {
            return isNew ? Finding.safe("set-not-null", ACCESS_EXCLUSIVE, "a column of a table created in this changelog")
                    : caution("set-not-null", ACCESS_EXCLUSIVE, TableEffect.SCAN, "scans " + table
                    + " under an ACCESS EXCLUSIVE lock and fails if a row holds NULL; add CHECK (col IS NOT NULL) NOT VALID and VALIDATE it first");
        }
        if (a.matches("^ALTER (COLUMN )?\\S+ (DROP NOT NULL|SET DEFAULT|DROP DEFAULT|SET STATISTICS|SET STORAGE|SET COMPRESSION|ADD GENERATED|SET GENERATED|RESTART|DROP IDENTITY)\\b.*")) {
            return Finding.safe("alter-column", ACCESS_EXCLUSIVE, "changes the column's catalog entry only");
        }
        if (a.matches("^(OWNER TO|ENABLE|DISABLE|REPLICA IDENTITY|SET \\(|RESET \\(|CLUSTER ON|SET WITHOUT CLUSTER)\\b.*")) {
            return Finding.safe("alter-table", ACCESS_EXCLUSIVE, "changes the table's catalog entry only");
        }
        if (a.matches("^(SET TABLESPACE|SET LOGGED|SET UNLOGGED|SET ACCESS METHOD)\\b.*")) {
            return caution("rewrite-table", ACCESS_EXCLUSIVE, TableEffect.REWRITE, "rewrites " + table + ", blocking reads and writes");
        }
        return new Finding("unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE,
                "no rule knows this ALTER TABLE action: review it by hand (" + abbreviate(a) + ")");
    }

    private static Finding addConstraint(String a, String table, boolean isNew) {
        if (a.matches(".*\\b(PRIMARY KEY|UNIQUE) USING INDEX .*")) {
            return Finding.safe("add-constraint", ACCESS_EXCLUSIVE, "adopts an existing unique index, a catalog update");
        }
        if (a.contains(" NOT VALID")) {
            return Finding.safe("add-constraint", a.contains("FOREIGN KEY") ? SHARE_ROW_EXCLUSIVE : ACCESS_EXCLUSIVE,
                    "checks new rows only; VALIDATE CONSTRAINT checks the old ones without blocking");
        }
        String lock = a.contains("FOREIGN KEY") ? SHARE_ROW_EXCLUSIVE : ACCESS_EXCLUSIVE;
        if (isNew) {
            return Finding.safe("add-constraint", lock, "a constraint of a table created in this changelog");
        }
        if (a.matches(".*\\b(PRIMARY KEY|UNIQUE|EXCLUDE)\\b.*")) {
            return caution("add-constraint", ACCESS_EXCLUSIVE, TableEffect.SCAN, "builds an index on " + table
                    + " blocking reads and writes, and fails on duplicates; build a unique index CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX");
        }
        return caution("add-constraint", lock, TableEffect.SCAN, "scans " + table + " under a " + lock
                + " lock and fails if a row violates it; add it NOT VALID, then VALIDATE CONSTRAINT in a second changeset");
    }

    private static Finding addColumn(String a, String table, boolean isNew) {
        String column = a.replaceFirst("^ADD (COLUMN )?(IF NOT EXISTS )?", "");
        if (!isNew && (VOLATILE_DEFAULT.matcher(column).find() || SERIAL_OR_GENERATED.matcher(column).find())) {
            return caution("add-column-rewrite", ACCESS_EXCLUSIVE, TableEffect.REWRITE, "fills the new column of " + table
                    + " row by row (a volatile default, serial, identity or stored generated column), rewriting the table under an ACCESS EXCLUSIVE lock;"
                    + " add it without a default, then backfill in batches");
        }
        if (!isNew && column.contains(" NOT NULL") && !column.contains(" DEFAULT ")) {
            return caution("add-column-not-null", ACCESS_EXCLUSIVE, TableEffect.NONE, "fails when " + table
                    + " has rows: a NOT NULL column needs a default");
        }
        return Finding.safe("add-column", ACCESS_EXCLUSIVE, "adds a column without rewriting the table");
    }

    private static Finding alterType(String a, String table, boolean isNew) {
        String type = a.replaceFirst("^ALTER (COLUMN )?\\S+ (SET DATA )?TYPE ", "");
        String using = type.contains(" USING ") ? type.substring(type.indexOf(" USING ") + 7) : "";
        if (TRUNCATING_CAST.matcher(using).find()) {
            return danger("alter-column-type", ACCESS_EXCLUSIVE, "the explicit cast in USING truncates or rounds values of "
                    + table + " that do not fit, silently; without it PostgreSQL fails on them instead");
        }
        if (type.startsWith("OID") || using.contains("::OID") || using.contains("::BYTEA")) {
            return danger("alter-column-type", ACCESS_EXCLUSIVE, "reinterprets values of " + table
                    + " as another kind of data; migrate them with a data changeset instead");
        }
        if (isNew) {
            return Finding.safe("alter-column-type", ACCESS_EXCLUSIVE, "a column of a table created in this changelog");
        }
        String narrowing = NARROW_TYPE.matcher(type).find() ? " and, if the old type was wider, fails on values that do not fit" : "";
        return new Finding("alter-column-type", Risk.CAUTION, ACCESS_EXCLUSIVE, TableEffect.REWRITE, "rewrites " + table
                + " under an ACCESS EXCLUSIVE lock (unless the change is binary-coercible, as varchar(n) to text or a wider varchar)" + narrowing);
    }

    private static Finding danger(String rule, String lock, String message) {
        return new Finding(rule, Risk.DANGER, lock, TableEffect.NONE, message);
    }

    private static Finding caution(String rule, String lock, TableEffect effect, String message) {
        return new Finding(rule, Risk.CAUTION, lock, effect, message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
