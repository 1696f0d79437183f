package dev.driftless.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.render.ChangeSet;
import dev.driftless.generator.render.ChangelogRenderer;
import dev.driftless.model.Change;
import dev.driftless.model.Column;
import dev.driftless.model.EnumType;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.model.Table;
import dev.driftless.model.UnownedObject;
import dev.driftless.model.ViewProperties;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the catalog says of views and materialized views beyond their definitions, on the real embedded PostgreSQL: the
 * columns they use (which decides what a column's type change must re-create), and what a re-created view would lose
 * (comment, options, grants, a materialized view's indexes, whether it holds data). Then the change itself: a column
 * under a chain of views retyped and retyped back by the rendered changeset and its rollback, the views the same after
 * each and their rows still there.
 */
class CatalogViewsTest {

    private static final String SETUP = """
            CREATE SCHEMA shop;
            CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer text NOT NULL, quantity integer NOT NULL, note text);
            INSERT INTO shop.orders VALUES (1, 'ann', 5, NULL), (2, 'bob', 70, 'big'), (3, 'ann', 60, NULL);
            CREATE VIEW shop.order_totals WITH (security_barrier = true) AS
                SELECT customer, sum(quantity) AS total FROM shop.orders GROUP BY customer;
            COMMENT ON VIEW shop.order_totals IS 'Totals per customer';
            GRANT SELECT ON shop.order_totals TO PUBLIC;
            CREATE VIEW shop.notes AS SELECT id, note FROM shop.orders;
            CREATE VIEW shop.big_customers AS SELECT customer, total FROM shop.order_totals WHERE customer <> 'nobody';
            CREATE MATERIALIZED VIEW shop.customer_count AS SELECT count(*) AS n FROM shop.big_customers;
            CREATE UNIQUE INDEX customer_count_n ON shop.customer_count (n);
            COMMENT ON MATERIALIZED VIEW shop.customer_count IS 'How many big customers';
            CREATE MATERIALIZED VIEW shop.later AS SELECT id FROM shop.orders WITH NO DATA;
            CREATE VIEW shop.positive AS SELECT id, quantity FROM shop.orders WHERE quantity > 0 WITH LOCAL CHECK OPTION;
            """;

    private static final QualifiedName ORDERS = QualifiedName.of("shop", "orders");

    @Test
    void readsTheColumnsAViewUsesAndWhatItsDefinitionLeavesOut() throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        List<UnownedObject> views = read(database, SETUP).unowned();
        assertEquals(List.of("order_totals", "notes", "big_customers", "customer_count", "later", "positive"),
                views.stream().map(v -> v.name().name()).toList());
        UnownedObject totals = views.get(0);
        assertEquals(List.of(new UnownedObject.Use(ORDERS, "customer"), new UnownedObject.Use(ORDERS, "quantity")),
                totals.uses(), "by column");
        assertEquals(List.of(new UnownedObject.Use(QualifiedName.of("shop", "big_customers"), null)), views.get(3).uses(),
                "count(*) uses the view as a whole");
        assertEquals(new ViewProperties("Totals per customer", List.of("security_barrier=true"),
                List.of(new ViewProperties.Grant("SELECT", null, false)), List.of(), true), totals.properties());
        assertEquals(List.of("check_option=local"), views.get(5).properties().options());
        assertEquals(new ViewProperties("How many big customers", List.of(), List.of(),
                List.of("CREATE UNIQUE INDEX customer_count_n ON shop.customer_count USING btree (n)"), true),
                views.get(3).properties());
        assertEquals(false, views.get(4).properties().populated());
    }

    @Test
    void aColumnUnderAChainOfViewsIsRetypedAndRolledBackWithTheViewsAsTheyWere() throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        Schema before = read(database, SETUP);
        Table orders = before.table(ORDERS).orElseThrow();
        List<Column> columns = new ArrayList<>();
        orders.columns().forEach(c -> columns.add(c.name().equals("quantity")
                ? new Column(c.name(), "bigint", c.nullable(), c.defaultValue(), c.identity(), c.comment(), c.collation()) : c));
        Schema desired = new Schema(before.namespaces(), List.of(new Table(orders.name(), columns, orders.primaryKey(),
                orders.foreignKeys(), orders.uniqueConstraints(), orders.checks(), orders.indexes(), orders.comment(),
                orders.exclusions())), before.sequences(), before.enumTypes());

        List<Change> changes = new SchemaDiffer().diff(before, desired).changes();
        assertEquals(1, changes.size(), changes::toString);
        assertEquals(List.of("order_totals", "big_customers", "customer_count", "positive"),
                ((Change.AlterColumnType) changes.get(0)).views().stream().map(v -> v.name().name()).toList(),
                "the views over the column and over those; not the view of other columns of the table");
        ChangeSet set = new ChangelogRenderer().changeSets("1", changes).get(0);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(set.sql());
            Schema after = new CatalogIntrospector().read(connection);
            assertEquals("bigint", after.table(ORDERS).orElseThrow().column("quantity").orElseThrow().type());
            assertSameViews(before, after);
            assertEquals(List.of("ann:65", "bob:70"), rows(statement, "SELECT customer || ':' || total FROM shop.big_customers ORDER BY 1"));
            assertEquals(List.of("2"), rows(statement, "SELECT n FROM shop.customer_count"), "recomputed, with its rows");

            statement.execute(set.rollback());
            Schema rolledBack = new CatalogIntrospector().read(connection);
            assertEquals("integer", rolledBack.table(ORDERS).orElseThrow().column("quantity").orElseThrow().type());
            assertSameViews(before, rolledBack);
            assertEquals(List.of("2"), rows(statement, "SELECT n FROM shop.customer_count"));
        }
    }

    @Test
    void anEnumTypeReCreatedUnderAViewTakesTheViewAlongAndItsRollbackToo() throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        Schema before = read(database, """
                CREATE TYPE public.mood AS ENUM ('happy', 'sad', 'meh');
                CREATE TABLE public.day (id int PRIMARY KEY, mood public.mood NOT NULL);
                INSERT INTO public.day VALUES (1, 'happy'), (2, 'sad');
                CREATE VIEW public.sad_days AS SELECT id FROM public.day WHERE mood = 'sad';
                """);
        EnumType mood = before.enumTypes().get(0);
        Schema desired = new Schema(before.namespaces(), before.tables(), before.sequences(),
                List.of(new EnumType(mood.name(), List.of("happy", "sad"), mood.casts())));
        List<Change> changes = new SchemaDiffer().diff(before, desired).changes();
        assertEquals(List.of("re-create enum type public.mood as [happy, sad] (without meh), dropping and re-creating the view"
                + " that uses its columns: view public.sad_days"), changes.stream().map(Change::describe).toList());
        ChangeSet set = new ChangelogRenderer().changeSets("1", changes).get(0);
        assertTrue(set.runInTransaction(), "a re-creation is one transaction, views included");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(set.sql());
            assertSameViews(before, new CatalogIntrospector().read(connection));
            assertEquals(List.of("2"), rows(statement, "SELECT id FROM public.sad_days"));
            // the rollback adds the label back in place: the view stays as it is
            statement.execute(set.rollback());
            assertEquals(List.of("happy", "sad", "meh"), new CatalogIntrospector().read(connection).enumTypes().get(0).values());
            assertEquals(List.of("2"), rows(statement, "SELECT id FROM public.sad_days"));
        }
    }

    /** The same views with the same definitions and properties; their places in creation order may move. */
    private static void assertSameViews(Schema expected, Schema actual) {
        assertEquals(withoutPositions(expected), withoutPositions(actual));
        assertTrue(actual.unowned().stream().anyMatch(v -> v.name().name().equals("notes"))
                || expected.unowned().stream().noneMatch(v -> v.name().name().equals("notes")), "the view of other columns stays");
    }

    private static List<UnownedObject> withoutPositions(Schema schema) {
        return schema.unowned().stream()
                .map(o -> new UnownedObject(o.kind(), o.name(), o.table(), o.definition(), o.dependsOn(), 0, o.uses(), o.properties()))
                .sorted(java.util.Comparator.comparing(o -> o.name().name())).toList();
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static Schema read(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return new CatalogIntrospector().read(connection);
        }
    }
}
