package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.model.Change;
import dev.driftless.model.Column;
import dev.driftless.model.Identity;
import dev.driftless.model.PrimaryKey;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.model.Table;
import dev.driftless.model.UnownedObject;
import dev.driftless.model.ViewProperties;
import dev.driftless.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column's type change under views, as the differ finds it and the renderer writes it: the views that use the
 * column, and those that use them, dropped (the last created first) and re-created around the ALTER in the same
 * changeset, with their comments, options, grants and a materialized view's indexes; the rollback does the same around
 * the reverse ALTER. A view on the same table that does not use the column, and a function, are left alone.
 * Regenerate with {@code -Ddriftless.golden.update=true} and review the diff.
 */
class ViewRebuildChangelogGoldenTest {

    private static final QualifiedName ORDERS = QualifiedName.of("shop", "orders");

    @Test
    void aRetypedColumnIsWrappedInTheDropAndRecreationOfTheViewsThatUseIt() {
        UnownedObject totals = view("view", "order_totals", 0, """
                CREATE VIEW shop.order_totals AS
                 SELECT customer,
                    sum(quantity) AS total
                   FROM shop.orders
                  GROUP BY customer""", List.of(use(ORDERS, null), use(ORDERS, "customer"), use(ORDERS, "quantity")),
                new ViewProperties("Totals per customer", List.of("security_barrier=true"),
                        List.of(new ViewProperties.Grant("SELECT", "reporting", false),
                                new ViewProperties.Grant("SELECT", null, false)), List.of(), true));
        UnownedObject customers = view("view", "customers", 1, """
                CREATE VIEW shop.customers AS
                 SELECT DISTINCT customer
                   FROM shop.orders""", List.of(use(ORDERS, null), use(ORDERS, "customer")), ViewProperties.NONE);
        UnownedObject function = new UnownedObject("function", QualifiedName.of("shop", "twice(integer)"), null,
                "CREATE OR REPLACE FUNCTION shop.twice(n integer) RETURNS integer LANGUAGE sql AS $$ SELECT n * 2 $$",
                List.of(), 2);
        UnownedObject big = view("view", "big_customers", 3, """
                CREATE VIEW shop.big_customers AS
                 SELECT customer
                   FROM shop.order_totals
                  WHERE total > 100""", List.of(use(QualifiedName.of("shop", "order_totals"), null),
                        use(QualifiedName.of("shop", "order_totals"), "customer"),
                        use(QualifiedName.of("shop", "order_totals"), "total")),
                new ViewProperties(null, List.of("check_option=cascaded"), List.of(), List.of(), true));
        UnownedObject daily = view("materialized view", "daily_counts", 4, """
                CREATE MATERIALIZED VIEW shop.daily_counts AS
                 SELECT count(*) AS n
                   FROM shop.big_customers""", List.of(use(QualifiedName.of("shop", "big_customers"), null)),
                new ViewProperties(null, List.of(), List.of(),
                        List.of("CREATE UNIQUE INDEX daily_counts_n ON shop.daily_counts USING btree (n)"), true));
        List<UnownedObject> unowned = List.of(totals, customers, function, big, daily);

        Schema actual = schema("integer", unowned);
        Schema desired = schema("bigint", List.of());
        List<Change> changes = new SchemaDiffer().diff(actual, desired).changes();
        assertEquals(1, changes.size(), changes::toString);
        Change.AlterColumnType retype = (Change.AlterColumnType) changes.get(0);
        assertEquals(List.of(totals, big, daily), retype.views(), "the users of the column, then theirs, in creation order");
        assertTrue(retype.describe().endsWith("dropping and re-creating the views that use it: view shop.order_totals,"
                + " view shop.big_customers, materialized view shop.daily_counts"), retype::describe);

        ChangelogRenderer renderer = new ChangelogRenderer();
        Golden.assertMatches("golden/view-rebuild.sql",
                renderer.render(ChangelogFormat.SQL, renderer.changeSets("20260103000000", changes)));
    }

    @Test
    void aViewTheDiffDropsAnywayIsNotRecreated() {
        UnownedObject only = view("view", "quantities", 0, "CREATE VIEW shop.quantities AS\n SELECT quantity\n   FROM shop.orders",
                List.of(use(ORDERS, null), use(ORDERS, "quantity")), ViewProperties.NONE);
        List<Change> changes = new SchemaDiffer(new dev.driftless.model.DiffOptions(true))
                .diff(schema("integer", List.of(only)), schema("bigint", List.of())).changes();
        assertEquals(List.of("drop view shop.quantities", "change type of shop.orders.quantity from integer to bigint"),
                changes.stream().map(Change::describe).toList());
    }

    private static Schema schema(String quantityType, List<UnownedObject> unowned) {
        Table orders = Table.of(ORDERS, List.of(new Column("id", "bigint", false, null, Identity.NONE),
                new Column("customer", "text", false, null, Identity.NONE),
                new Column("quantity", quantityType, false, null, Identity.NONE)), new PrimaryKey("orders_pkey", List.of("id")));
        return new Schema(List.of("shop"), List.of(orders), List.of(), List.of(), unowned);
    }

    private static UnownedObject view(String kind, String name, int position, String definition, List<UnownedObject.Use> uses,
                                      ViewProperties properties) {
        return new UnownedObject(kind, QualifiedName.of("shop", name), null, definition,
                uses.stream().map(u -> u.relation().toString()).distinct().sorted().toList(), position, uses, properties);
    }

    private static UnownedObject.Use use(QualifiedName relation, String column) {
        return new UnownedObject.Use(relation, column);
    }
}
