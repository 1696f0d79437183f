package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.model.UnownedObject;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column that views use, retyped by the model, through the CLI on a real PostgreSQL: PostgreSQL refuses to retype a
 * column a view uses, so diff wraps the change in the drop and re-creation of the views over it (a view, a view on that
 * view, a materialized view with an index on that one, a view with a check option), and apply, check and rollback go
 * through with the views as they were and every row kept.
 */
class ViewsAroundTypeChangeTest {

    private static final String ORDER = """
            package shop;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "orders")
            public class Order {
                @Id Long id;
                @Column(nullable = false) String customer;
                @Column(nullable = false) int quantity;
                String note;
            }
            """;

    /** The views a team keeps next to the model, in a changeset of its own (driftless new). */
    private static final String VIEWS = """
            CREATE VIEW order_totals WITH (security_barrier = true) AS
                SELECT customer, sum(quantity) AS total FROM orders GROUP BY customer;
            COMMENT ON VIEW order_totals IS 'Totals per customer';
            GRANT SELECT ON order_totals TO PUBLIC;
            CREATE VIEW big_customers AS SELECT customer, total FROM order_totals WHERE customer <> 'nobody';
            CREATE MATERIALIZED VIEW customer_count AS SELECT count(*) AS n FROM big_customers;
            CREATE UNIQUE INDEX customer_count_n ON customer_count (n);
            CREATE VIEW positive AS SELECT id, quantity FROM orders WHERE quantity > 0 WITH LOCAL CHECK OPTION;
            CREATE VIEW notes AS SELECT id, note FROM orders;
            -- rollback DROP VIEW notes; DROP VIEW positive; DROP MATERIALIZED VIEW customer_count; DROP VIEW big_customers; DROP VIEW order_totals;""";

    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aRetypedColumnUnderViewsIsAppliedCheckedAndRolledBackWithTheViewsAsTheyWere() throws Exception {
        Path sources = project.resolve("src");
        Files.createDirectories(sources.resolve("shop"));
        Files.writeString(sources.resolve("shop/Order.java"), ORDER);
        writeConfig(ModelCompiler.compile(sources, project.resolve("v1")));
        assertEquals(0, driftless("diff").exitCode());
        assertEquals(0, driftless("apply").exitCode());
        CliRun made = driftless("new", "reporting views");
        assertEquals(0, made.exitCode(), made::toString);
        writeViews(Changelogs.newest(project.resolve("changelogs")));
        CliRun viewsApplied = driftless("apply");
        assertEquals(0, viewsApplied.exitCode(), viewsApplied::toString);
        database.execute("INSERT INTO orders (id, customer, quantity, note) VALUES"
                + " (1, 'ann', 5, NULL), (2, 'bob', 70, 'big'), (3, 'ann', 60, NULL)");
        database.execute("REFRESH MATERIALIZED VIEW customer_count");
        Schema before = read();

        Files.writeString(sources.resolve("shop/Order.java"), ORDER.replace("int quantity;", "long quantity;"));
        writeConfig(ModelCompiler.compile(sources, project.resolve("v2")));
        CliRun diff = driftless("diff", "--name", "wider quantity");
        assertEquals(0, diff.exitCode(), diff::toString);
        Path changelog = Changelogs.newest(project.resolve("changelogs"));
        assertEquals(List.of("change type of public.orders.quantity from integer to bigint, dropping and re-creating the views"
                        + " that use it: view public.order_totals, view public.big_customers, materialized view public.customer_count,"
                        + " view public.positive"),
                Changelogs.comments(changelog), "one changeset, which names the views it re-creates");
        String sql = Files.readString(changelog);
        assertTrue(sql.contains("DROP VIEW public.positive;\nDROP MATERIALIZED VIEW public.customer_count;\n"
                + "DROP VIEW public.big_customers;\nDROP VIEW public.order_totals;\nALTER TABLE public.orders ALTER COLUMN quantity"
                + " TYPE bigint;\nCREATE VIEW public.order_totals AS"), sql);
        assertTrue(!sql.contains("DROP VIEW public.notes"), "a view of other columns is left alone");
        CliRun lint = driftless("lint", changelog.toString());
        assertEquals(0, lint.exitCode(), lint::toString);
        assertTrue(lint.out().contains("rebuild-view (caution; ACCESS EXCLUSIVE lock"), lint::toString);
        assertTrue(lint.out().contains("its rows are computed again by its query, not lost"), lint::toString);
        assertTrue(!lint.out().contains("unknown") && !lint.out().contains("DANGER"), lint::toString);

        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        Schema after = read();
        assertEquals("bigint", after.table(ORDERS).orElseThrow().column("quantity").orElseThrow().type());
        assertEquals(views(before), views(after), "the same views, definitions, comment, options, grant and index");
        assertEquals(List.of("1:ann:5", "2:bob:70", "3:ann:60"),
                database.strings("SELECT id || ':' || customer || ':' || quantity FROM orders ORDER BY id"), "every row kept");
        assertEquals(List.of("ann:65", "bob:70"), database.strings("SELECT customer || ':' || total FROM big_customers ORDER BY 1"));
        assertEquals(List.of("2"), database.strings("SELECT n FROM customer_count"), "the materialized view computed again");
        assertEquals(List.of("1", "2", "3"), database.strings("SELECT id FROM positive ORDER BY id"));
        assertTrue(driftless("diff").out().contains("No changes"));

        CliRun check = driftless("check");
        assertEquals(0, check.exitCode(), check::toString);

        CliRun rollback = driftless("rollback", "--count", "1");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        Schema rolledBack = read();
        assertEquals("integer", rolledBack.table(ORDERS).orElseThrow().column("quantity").orElseThrow().type());
        assertEquals(views(before), views(rolledBack), "rolled back, the views are those from before");
        assertEquals(List.of("ann:65", "bob:70"), database.strings("SELECT customer || ':' || total FROM big_customers ORDER BY 1"));
        assertEquals(List.of("2"), database.strings("SELECT n FROM customer_count"));
        assertEquals(List.of("1:ann:5", "2:bob:70", "3:ann:60"),
                database.strings("SELECT id || ':' || customer || ':' || quantity FROM orders ORDER BY id"));
    }

    private void writeViews(Path changeset) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(changeset)) {
            if (line.startsWith("SELECT CAST('driftless new: write the SQL")) {
                lines.addAll(VIEWS.lines().filter(l -> !l.startsWith("-- rollback")).toList());
            } else if (line.startsWith("-- rollback SELECT CAST('driftless new: write the rollback")) {
                lines.addAll(VIEWS.lines().filter(l -> l.startsWith("-- rollback")).toList());
            } else {
                lines.add(line);
            }
        }
        Files.write(changeset, lines);
    }

    /** The views with what the catalog says of them; their places in creation order move when they are re-created. */
    private static List<UnownedObject> views(Schema schema) {
        return schema.unowned().stream()
                .map(o -> new UnownedObject(o.kind(), o.name(), o.table(), o.definition(), o.dependsOn(), 0, o.uses(), o.properties()))
                .sorted(Comparator.comparing(o -> o.name().name())).toList();
    }

    private Schema read() throws SQLException {
        try (Connection connection = database.connect()) {
            return new CatalogIntrospector().read(connection);
        }
    }

    private void writeConfig(Path classes) throws Exception {
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", "classes: " + classes, "changelogs: changelogs",
                "url: " + database.url(), "user: " + database.user(), "dev-url: " + database.devUrl()) + "\n");
    }

    private CliRun driftless(String... args) {
        return CliRun.of(Stream.concat(Stream.of(args), Stream.of("--config", project.resolve("driftless.yaml").toString()))
                .toArray(String[]::new));
    }
}
