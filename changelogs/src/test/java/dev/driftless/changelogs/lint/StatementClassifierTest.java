package dev.driftless.changelogs.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule: the statement, the rule that fires, its risk, lock and effect. */
class StatementClassifierTest {

    /** {@code public.new_table} was created earlier in the lint run. */
    private static final Set<String> NEW = Set.of("public.new_table");

    static Stream<Arguments> statements() {
        return Stream.of(
                row("DROP TABLE public.orders", "drop-table", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("drop table if exists orders cascade;", "drop-table", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders DROP COLUMN note", "drop-column", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("alter table \"Orders\" drop note", "drop-column", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders DROP CONSTRAINT orders_fk", "drop-constraint", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("DROP INDEX market_data.idx_orders_symbol", "drop-index", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("DROP INDEX CONCURRENTLY idx_orders_symbol", "drop-index", Risk.SAFE, "SHARE UPDATE EXCLUSIVE", TableEffect.NONE),
                row("DROP SCHEMA legacy CASCADE", "drop-schema", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("DROP SEQUENCE orders_seq", "drop-sequence", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("TRUNCATE orders", "truncate", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("DELETE FROM orders", "delete-without-where", Risk.DANGER, "ROW EXCLUSIVE", TableEffect.NONE),
                row("DELETE FROM orders WHERE id < 10", "delete", Risk.CAUTION, "ROW EXCLUSIVE", TableEffect.SCAN),
                row("UPDATE orders SET status = 'x'", "update-without-where", Risk.DANGER, "ROW EXCLUSIVE", TableEffect.NONE),
                row("UPDATE orders SET status = 'x' WHERE status IS NULL", "update", Risk.CAUTION, "ROW EXCLUSIVE", TableEffect.SCAN),
                // a keyword inside a literal is not a clause
                row("UPDATE orders SET note = ' where '", "update-without-where", Risk.DANGER, "ROW EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE category ALTER COLUMN title TYPE varchar(40) USING title::varchar(40)",
                        "alter-column-type", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE doc ALTER COLUMN body TYPE oid USING body::oid", "alter-column-type", Risk.DANGER, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE category ALTER COLUMN title TYPE varchar(40)", "alter-column-type", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.REWRITE),
                row("ALTER TABLE category ALTER COLUMN title SET DATA TYPE text", "alter-column-type", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.REWRITE),
                row("ALTER TABLE orders ALTER COLUMN symbol SET NOT NULL", "set-not-null", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.SCAN),
                row("ALTER TABLE new_table ALTER COLUMN symbol SET NOT NULL", "set-not-null", Risk.SAFE, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders ALTER COLUMN symbol DROP NOT NULL", "alter-column", Risk.SAFE, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders ADD CONSTRAINT fk_s FOREIGN KEY (s) REFERENCES sessions (id)",
                        "add-constraint", Risk.CAUTION, "SHARE ROW EXCLUSIVE", TableEffect.SCAN),
                row("ALTER TABLE orders ADD CONSTRAINT fk_s FOREIGN KEY (s) REFERENCES sessions (id) NOT VALID",
                        "add-constraint", Risk.SAFE, "SHARE ROW EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders ADD CONSTRAINT q CHECK (quantity > 0)", "add-constraint", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.SCAN),
                row("ALTER TABLE orders ADD CONSTRAINT u UNIQUE (symbol)", "add-constraint", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.SCAN),
                row("ALTER TABLE orders ADD CONSTRAINT u UNIQUE USING INDEX u_idx", "add-constraint", Risk.SAFE, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE new_table ADD CONSTRAINT fk FOREIGN KEY (s) REFERENCES sessions (id)", "add-constraint", Risk.SAFE, "SHARE ROW EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders VALIDATE CONSTRAINT fk_s", "validate-constraint", Risk.SAFE, "SHARE UPDATE EXCLUSIVE", TableEffect.SCAN),
                row("CREATE INDEX idx_symbol ON market_data.orders (symbol)", "create-index", Risk.CAUTION, "SHARE", TableEffect.SCAN),
                row("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_symbol ON orders (symbol)", "create-index", Risk.SAFE, "SHARE UPDATE EXCLUSIVE", TableEffect.SCAN),
                row("CREATE INDEX idx ON new_table (symbol)", "create-index", Risk.SAFE, "SHARE", TableEffect.NONE),
                row("ALTER TABLE orders RENAME COLUMN qty TO quantity", "rename", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders RENAME TO executions", "rename", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders RENAME CONSTRAINT a TO b", "rename-constraint", Risk.SAFE, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()", "add-column-rewrite", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.REWRITE),
                row("ALTER TABLE orders ADD COLUMN n bigserial", "add-column-rewrite", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.REWRITE),
                row("ALTER TABLE orders ADD COLUMN placed timestamptz DEFAULT now() NOT NULL", "add-column", Risk.SAFE, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders ADD COLUMN side varchar(4) NOT NULL", "add-column-not-null", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("ALTER TABLE orders ADD note text", "add-column", Risk.SAFE, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("CREATE TABLE public.orders (id bigint PRIMARY KEY)", "create-table", Risk.SAFE, "none", TableEffect.NONE),
                row("CREATE SCHEMA backtester", "create", Risk.SAFE, "none", TableEffect.NONE),
                row("CREATE SEQUENCE s AS bigint START WITH 1 INCREMENT BY 50", "create", Risk.SAFE, "none", TableEffect.NONE),
                // a new sequence moved past a table's ids: reads the table's largest id, writes only the sequence
                row("SELECT setval('public.ticket_seq', GREATEST(1, (SELECT max(id) FROM public.ticket) + 50), false)",
                        "harmless", Risk.SAFE, "none", TableEffect.NONE),
                row("COMMENT ON COLUMN orders.note IS 'drop table x'", "harmless", Risk.SAFE, "none", TableEffect.NONE),
                row("SET lock_timeout = '5s'", "harmless", Risk.SAFE, "none", TableEffect.NONE),
                row("INSERT INTO orders (id) VALUES (1)", "harmless", Risk.SAFE, "ROW EXCLUSIVE", TableEffect.NONE),
                row("VACUUM FULL orders", "rewrite-table", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.REWRITE),
                row("DROP VIEW public.order_totals", "drop-object", Risk.CAUTION, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("CREATE MATERIALIZED VIEW public.daily AS SELECT 1", "create", Risk.SAFE, "none", TableEffect.NONE),
                row("ALTER VIEW public.v SET (security_barrier = 'true')", "alter-view", Risk.SAFE, "ACCESS EXCLUSIVE", TableEffect.NONE),
                row("DO $$ BEGIN DROP TABLE x; END $$", "unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE),
                row("LOCK TABLE orders", "unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE),
                row("ALTER TABLE orders ATTACH PARTITION p FOR VALUES IN (1)", "unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE));
    }

    private static Arguments row(String sql, String rule, Risk risk, String lock, TableEffect effect) {
        return Arguments.of(sql, rule, risk, lock, effect);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("statements")
    void classifies(String sql, String rule, Risk risk, String lock, TableEffect effect) {
        List<Finding> findings = new StatementClassifier().classify(sql, NEW);
        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(List.of(rule, risk, lock, effect),
                List.of(finding.rule(), finding.risk(), finding.lock(), finding.effect()), finding.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multi")
    void classifiesEveryActionAndStatement(String sql, List<String> rules) {
        assertEquals(rules, new StatementClassifier().classify(sql, NEW).stream().map(Finding::rule).toList());
    }

    static Stream<Arguments> multi() {
        return Stream.of(
                Arguments.of("ALTER TABLE orders ADD COLUMN a int, DROP COLUMN b, ALTER COLUMN c SET NOT NULL",
                        List.of("add-column", "drop-column", "set-not-null")),
                Arguments.of("-- driftless:allow truncate\nSET lock_timeout = '1s'; TRUNCATE orders; /* ; */",
                        List.of("harmless", "truncate")),
                Arguments.of("ALTER TABLE t ADD CONSTRAINT c CHECK (a IN (1, 2)), ADD b numeric(10, 2)",
                        List.of("add-constraint", "add-column")));
    }

    /**
     * Views dropped and created again in one changeset, around a column's type change: re-created, not lost; a
     * materialized view's rows are computed again (caution for the wait, never data loss).
     */
    @org.junit.jupiter.api.Test
    void aViewDroppedAndCreatedAgainInTheSameChangesetIsRebuiltNotLost() {
        String changeset = """
                DROP VIEW public.order_totals;
                DROP MATERIALIZED VIEW public."Daily";
                DROP VIEW public.elsewhere;
                ALTER TABLE public.orders ALTER COLUMN quantity TYPE bigint;
                CREATE MATERIALIZED VIEW public."Daily" AS
                 SELECT quantity FROM public.orders;
                CREATE UNIQUE INDEX daily_idx ON public."Daily" USING btree (quantity);
                CREATE VIEW public.order_totals AS
                 SELECT sum(quantity) AS total FROM public."Daily";
                """;
        List<Finding> findings = new StatementClassifier().classify(changeset, Set.of());
        assertEquals(List.of("rebuild-view SAFE", "rebuild-view CAUTION", "drop-object CAUTION", "alter-column-type CAUTION",
                        "create SAFE", "create-index CAUTION", "create SAFE"),
                findings.stream().map(f -> f.rule() + " " + f.risk()).toList());
        assertEquals(TableEffect.REWRITE, findings.get(1).effect());
        assertEquals(true, findings.get(1).message().contains("computed again by its query, not lost"), findings.get(1).message());
        assertEquals(Set.of("public.order_totals", "public.Daily"), StatementClassifier.createdViews(changeset));
        assertEquals("public.Daily", StatementClassifier.createdTable("CREATE MATERIALIZED VIEW public.\"Daily\" AS SELECT 1")
                .orElseThrow(), "a materialized view holds rows and takes indexes, as a new table");
    }

    /** The risk of each action, in order, for statements run one after another in one lint run. */
    static Stream<Arguments> inContext() {
        return Stream.of(
                // a primary key swapped in one statement: the drop leaves no moment without a key
                Arguments.of(List.of("ALTER TABLE holding DROP CONSTRAINT holding_pkey, ADD CONSTRAINT holding_pkey"
                        + " PRIMARY KEY USING INDEX holding_pkey_replacement"), List.of(Risk.SAFE, Risk.SAFE)),
                // driftless's online NOT NULL: a validated check proves the column, SET NOT NULL needs no scan
                Arguments.of(List.of("ALTER TABLE account ADD CONSTRAINT email_not_null_check CHECK (email IS NOT NULL) NOT VALID",
                        "ALTER TABLE account VALIDATE CONSTRAINT email_not_null_check",
                        "ALTER TABLE account ALTER COLUMN email SET NOT NULL",
                        "ALTER TABLE account DROP CONSTRAINT email_not_null_check"), List.of(Risk.SAFE, Risk.SAFE, Risk.SAFE, Risk.SAFE)),
                // a check not yet validated proves nothing
                Arguments.of(List.of("ALTER TABLE account ADD CONSTRAINT email_not_null_check CHECK (email IS NOT NULL) NOT VALID",
                        "ALTER TABLE account ALTER COLUMN email SET NOT NULL"), List.of(Risk.SAFE, Risk.CAUTION)),
                // a check on another column or table proves nothing either
                Arguments.of(List.of("ALTER TABLE account ADD CONSTRAINT c CHECK (email IS NOT NULL)",
                        "ALTER TABLE account ALTER COLUMN name SET NOT NULL",
                        "ALTER TABLE member ALTER COLUMN email SET NOT NULL"), List.of(Risk.CAUTION, Risk.CAUTION, Risk.CAUTION)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inContext")
    void classifiesInTheContextOfTheRun(List<String> statements, List<Risk> risks) {
        StatementClassifier classifier = new StatementClassifier();
        NotNullProofs proofs = new NotNullProofs();
        assertEquals(risks, statements.stream().flatMap(s -> classifier.classify(s, Set.of(), proofs, Set.of()).stream())
                .map(Finding::risk).toList());
    }

    @org.junit.jupiter.api.Test
    void createdTableIsKeyedWithoutQuotesAndWithItsSchema() {
        assertEquals("public.orders", StatementClassifier.createdTable("create table Orders (id int)").orElseThrow());
        assertEquals("app.Orders", StatementClassifier.createdTable("CREATE TABLE IF NOT EXISTS app.\"Orders\" (id int)").orElseThrow());
    }
}
