package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.model.Change;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * driftless reads entities with the Hibernate ORM it bundles (7.x); a Spring Boot 3 application runs Hibernate 6.x.
 * The proof that this is the same schema (issue 12): for the framework fixtures ({@link ApplicationFixturesTest}'s
 * cases, booted the same way), every model of the mapping corpus ({@link MappingRoundTripTest}) and the bundled example,
 * Hibernate ORM 6.6 itself ({@link Hibernate6}: its own jars in a loader of their own, the model compiled against them)
 * creates the schema in a fresh database, and the catalog is compared with the one driftless's changelog builds from
 * empty: key column order included, nothing but the {@link #KNOWN} differences, each with its reason.
 * <p>
 * And the Hibernate 6 schema mode ({@code Hibernate6Schema}): with Hibernate 6.6's hibernate-core on the project's
 * class path (the mapping models) or {@code hibernate-schema: 6} in driftless.yaml (the framework fixtures), driftless's
 * changelog builds exactly Hibernate 6.6's schema: of the known differences only those Hibernate 7 shares are left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hibernate6SchemaTest {

    private static final String SPRING_PHYSICAL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    /** Spring Boot 3's own class (spring-boot 3.5.7, built against Hibernate 6.6), among the Hibernate 6 jars. */
    private static final String SPRING_IMPLICIT = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";

    /**
     * Where Hibernate 6.6 creates something else than driftless does, by model.
     *
     * @param differences   what driftless's diff would change in Hibernate 6.6's schema to reach its own
     * @param hibernate7Too whether the Hibernate on the test class path (7.x, the bundled one) creates the same as 6.6
     *                      there; if not, it creates exactly driftless's schema, so the difference is one between the
     *                      two majors (the test checks which)
     * @param settings      settings Hibernate 6.6 needs to start with the model at all (the application would have them)
     * @param reason        why; README's "What does not work yet" lists the 6-versus-7 ones
     */
    record Known(List<String> differences, boolean hibernate7Too, Map<String, String> settings, String reason) {

        /** What is left in the Hibernate 6 schema mode: only what Hibernate 7 shares with 6.6 (no difference of majors). */
        List<String> inHibernate6Mode() {
            return hibernate7Too ? differences : List.of();
        }
    }

    /** What driftless's changelog in the Hibernate 6 schema mode leaves different from Hibernate 6.6's schema. */
    private static List<String> inHibernate6Mode(Known known) {
        return known == null ? List.of() : known.inHibernate6Mode();
    }

    static final Map<String, Known> KNOWN = Map.ofEntries(
            Map.entry("mappings/inheritance-single-table", new Known(
                    List.of("add check constraint vehicle_kind_check on public.vehicle"), false, Map.of(),
                    "Hibernate 7 checks a discriminator column against the known values; 6.6 does not")),
            Map.entry("mappings/order-column", new Known(List.of(
                    "add check constraint playlist_entries_position_check on public.playlist_entries",
                    "add check constraint track_track_order_check on public.track"), false, Map.of(),
                    "Hibernate 7 checks that an @OrderColumn is not negative; 6.6 does not")),
            Map.entry("mappings/types-time", new Known(List.of(
                    "change type of public.schedule.at from time(6) without time zone to time(0) without time zone",
                    "change type of public.schedule.offsettime from time(6) without time zone to time(0) without time zone"),
                    false, Map.of(), "LocalTime and OffsetTime: Hibernate 6.6 creates time(6), 7 time(0)")),
            Map.entry("mappings/version", new Known(List.of("set not null on public.ledger.lastchange"), false, Map.of(),
                    "Hibernate 7 makes every @Version column not null; 6.6 only a primitive one")),
            Map.entry("examples/trading", new Known(List.of("set not null on market_data.orders.version"), false, Map.of(),
                    "Hibernate 7 makes every @Version column not null; 6.6 only a primitive one")),
            Map.entry("mappings/element-collection-basic", new Known(List.of(
                    "add unique constraint watchlist_symbols_watchlist_id_symbol_key on public.watchlist_symbols [watchlist_id, symbol]"),
                    false, Map.of(), "Hibernate 7 makes a Set's (owner, element) unique; 6.6 creates no key")),
            // ApplicationFixturesTest has the Hibernate 7 control for the framework fixtures
            Map.entry("apps/persistence-xml", new Known(List.of("add check constraint book_available_check on ledger.book"),
                    false, Map.of(), "a boolean stored as CHAR (hibernate.type.preferred_boolean_jdbc_type): Hibernate 7"
                    + " checks it is 'N' or 'Y', 6.6 does not")),
            Map.entry("mappings/comment", new Known(List.of("set comment on column public.strategy.description"), true,
                    Map.of(), "Hibernate (6.6 and 7) writes a @Comment's single quote undoubled, so its own create fails on"
                    + " that statement and goes on; driftless doubles it (EntityReader.escapeCommentLiteral)")),
            Map.entry("mappings/types-binary-uuid", new Known(List.of(), false,
                    Map.of("hibernate.type.wrapper_array_handling", "ALLOW"),
                    "Hibernate 6.6 refuses a Byte[] or Character[] attribute unless the application sets"
                            + " hibernate.type.wrapper_array_handling; ALLOW is 7's default")));

    private Hibernate6 hibernate6;

    @BeforeAll
    void loadHibernate6(@TempDir Path work) {
        hibernate6 = Hibernate6.start(work);
    }

    @AfterAll
    void close() throws IOException {
        hibernate6.close();
    }

    @Test
    void theOracleIsHibernate66AloneWithoutTheBundledHibernate() throws Exception {
        assertTrue(hibernate6.version().startsWith("6.6."), hibernate6.version());
        assertTrue(hibernate6.origin("org.hibernate.Version").contains("hibernate-core-6.6."),
                hibernate6.origin("org.hibernate.Version"));
        assertTrue(hibernate6.origin("jakarta.persistence.Entity").contains("jakarta.persistence-api-3.1."),
                "JPA 3.1, as Hibernate 6.6 has it: " + hibernate6.origin("jakarta.persistence.Entity"));
        assertEquals("7", org.hibernate.Version.getVersionString().substring(0, 1), "the test's own is the bundled 7.x");
    }

    static Stream<ApplicationFixturesTest.Case> applications() {
        return ApplicationFixturesTest.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applications")
    void eachFrameworkFixtureGetsFromHibernate6TheSchemaDriftlessWrites(ApplicationFixturesTest.Case c, @TempDir Path work)
            throws Exception {
        Path project = ModelCompiler.copySources(Fixture.ROOT.resolve("apps").resolve(c.fixture()), work.resolve("app"));
        ModelCompiler.compile(project.resolve("src/main/java"), project.resolve("target/classes"));
        Path classes6 = hibernate6.compile(project.resolve("src/main/java"), work.resolve("classes-hibernate-6"));
        if (!c.configLines().isEmpty()) {
            Path file = project.resolve("src/main/resources/application.properties");
            Files.writeString(file, c.configLines() + Files.readString(file));
        }
        TestDatabase fromChangelog = TestPostgres.freshDatabase();
        TestDatabase fromChangelog6 = TestPostgres.freshDatabase();
        TestDatabase fromHibernate = TestPostgres.freshDatabase();
        try {
            Path config = project.resolve("driftless.yaml");
            Files.writeString(config, "classes: target/classes\nchangelogs: changelogs\nurl: " + fromChangelog.url()
                    + "\nuser: " + fromChangelog.user() + "\ndev-url: " + fromChangelog.devUrl() + "\n");
            ApplicationFixturesTest.Run diff = ApplicationFixturesTest.run(
                    ApplicationFixturesTest.with(c.flags(), "diff", "--config", config.toString()));
            assertEquals(0, diff.exitCode(), diff::toString);
            ApplicationFixturesTest.Run apply = ApplicationFixturesTest.run(
                    ApplicationFixturesTest.with(List.of(), "apply", "--config", config.toString()));
            assertEquals(0, apply.exitCode(), apply::toString);

            for (String schema : c.schemas()) {
                fromHibernate.execute("CREATE SCHEMA " + schema);
            }
            String version = hibernate6.create(c.oracle(), classes6, project.resolve("src/main/resources"), fromHibernate);
            assertTrue(version.startsWith("6.6."), version);

            Schema hibernate = ApplicationFixturesTest.read(fromHibernate);
            assertEquals(4, hibernate.tables().size(), () -> "Hibernate 6.6 created: " + hibernate.tables());
            Schema driftless = ApplicationFixturesTest.read(fromChangelog);
            Known known = KNOWN.get("apps/" + c.fixture());
            assertEquals(known == null ? List.of() : known.differences(), differences(hibernate, driftless),
                    c + ": driftless's changelog against Hibernate 6.6's own schema");
            if (known == null) {
                Fixture.assertSameSchema(hibernate, driftless, c + ": the catalogs");
            }

            // the Hibernate 6 schema mode, asked for in driftless.yaml; the same project, so the same model cache
            Path config6 = project.resolve("driftless-hibernate-6.yaml");
            Files.writeString(config6, "classes: target/classes\nchangelogs: changelogs-hibernate-6\nurl: "
                    + fromChangelog6.url() + "\nuser: " + fromChangelog6.user() + "\ndev-url: " + fromChangelog6.devUrl()
                    + "\nhibernate-schema: 6\n");
            ApplicationFixturesTest.Run diff6 = ApplicationFixturesTest.run(
                    ApplicationFixturesTest.with(c.flags(), "diff", "--config", config6.toString()));
            assertEquals(0, diff6.exitCode(), diff6::toString);
            assertTrue((diff6.out() + diff6.err()).contains("the schema is written as Hibernate 6.6 creates it"
                    + " (hibernate-schema: 6 in driftless.yaml)"), diff6::toString);
            ApplicationFixturesTest.Run apply6 = ApplicationFixturesTest.run(
                    ApplicationFixturesTest.with(List.of(), "apply", "--config", config6.toString()));
            assertEquals(0, apply6.exitCode(), apply6::toString);
            Schema driftless6 = ApplicationFixturesTest.read(fromChangelog6);
            assertEquals(inHibernate6Mode(known), differences(hibernate, driftless6),
                    c + ": driftless's changelog in the Hibernate 6 schema mode against Hibernate 6.6's own schema");
            if (inHibernate6Mode(known).isEmpty()) {
                Fixture.assertSameSchema(hibernate, driftless6, c + ": the catalogs, Hibernate 6 schema mode");
            }
        } finally {
            TestPostgres.scratchDatabases().drop(fromChangelog.name());
            TestPostgres.scratchDatabases().drop(fromChangelog6.name());
            TestPostgres.scratchDatabases().drop(fromHibernate.name());
        }
    }

    static Stream<String> models() {
        return Stream.concat(Fixture.names("mappings").map(m -> "mappings/" + m), Stream.of("examples/trading"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void eachMappingModelGetsFromHibernate6TheSchemaDriftlessWrites(String model, @TempDir Path work) {
        Path sources = model.equals("examples/trading") ? ModelCompiler.exampleSources() : Fixture.ROOT.resolve(model);
        Known known = KNOWN.get(model);
        try (Fixture.Project project = new Fixture.Project(work.resolve("driftless"))) {
            project.model(sources, "v1").diff("initial");
            project.apply();
            Schema driftless = project.read();
            Path classes6 = hibernate6.compile(sources, work.resolve("classes-hibernate-6"));
            HibernateOracle oracle = oracle(Fixture.properties(sources), known == null ? Map.of() : known.settings());
            if (known != null && !known.settings().isEmpty()) {
                // without them, the application's Hibernate 6.6 does not start at all
                String first = known.settings().keySet().iterator().next();
                IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                        () -> created(db -> hibernate6.create(oracle(Fixture.properties(sources), Map.of()), classes6,
                                work.resolve("no-resources"), db)));
                assertTrue(refused.getMessage().contains(first), refused::getMessage);
            }
            Schema hibernate = created(db -> hibernate6.create(oracle, classes6, work.resolve("no-resources"), db));
            List<String> differences = differences(hibernate, driftless);
            if (known == null) {
                assertEquals(List.of(), differences, model + ": driftless's changelog against Hibernate 6.6's own schema");
                Fixture.assertSameSchema(hibernate, driftless, model + ": the catalogs");
            } else {
                assertEquals(known.differences(), differences, model + ": the known difference to Hibernate 6.6 ("
                        + known.reason() + ")");
                // the control: what the bundled Hibernate 7 creates itself from the same model and settings
                Schema hibernate7 = created(db -> oracle(Fixture.properties(sources), known.settings())
                        .create(project.classes, work.resolve("no-resources"), db));
                assertEquals(known.hibernate7Too() ? known.differences() : List.of(), differences(hibernate7, driftless),
                        model + ": driftless's changelog against Hibernate 7's own schema");
            }

            // the Hibernate 6 schema mode: the application's own hibernate-core 6.6 on the project's class path
            try (Fixture.Project six = new Fixture.Project(work.resolve("driftless-hibernate-6"))) {
                six.classpath = List.of(hibernate6.hibernateCore());
                six.model(sources, "v1").diff("initial");
                six.apply();
                Schema driftless6 = six.read();
                assertEquals(inHibernate6Mode(known), differences(hibernate, driftless6),
                        model + ": driftless's changelog in the Hibernate 6 schema mode against Hibernate 6.6's own schema");
                if (inHibernate6Mode(known).isEmpty()) {
                    Fixture.assertSameSchema(hibernate, driftless6, model + ": the catalogs, Hibernate 6 schema mode");
                }
            }
        }
    }

    /** The schema {@code creation} makes in a fresh database, which is dropped again. */
    private static Schema created(java.util.function.Consumer<TestDatabase> creation) {
        TestDatabase database = TestPostgres.freshDatabase();
        try {
            creation.accept(database);
            return ApplicationFixturesTest.read(database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            TestPostgres.scratchDatabases().drop(database.name());
        }
    }

    /** The settings a mapping model's {@code fixture.properties} stands for, as Hibernate settings. */
    private static HibernateOracle oracle(Properties fixture, Map<String, String> further) {
        Map<String, String> settings = new HashMap<>(further);
        // the fixtures' schemas: driftless's changelog creates them, so Hibernate is asked to as well
        settings.put("hibernate.hbm2ddl.create_namespaces", "true");
        String naming = fixture.getProperty("naming");
        if ("spring".equals(naming)) {
            settings.put("hibernate.physical_naming_strategy", SPRING_PHYSICAL);
            settings.put("hibernate.implicit_naming_strategy", SPRING_IMPLICIT);
        } else if (naming != null) {
            throw new IllegalArgumentException("naming " + naming + ": not known to this test");
        }
        if (fixture.getProperty("default-schema") != null) {
            settings.put("hibernate.default_schema", fixture.getProperty("default-schema"));
        }
        return HibernateOracle.settings(settings);
    }

    /** What driftless's diff would change in {@code hibernate}'s schema, checks compared as PostgreSQL reprints them. */
    private static List<String> differences(Schema hibernate, Schema driftless) {
        CheckNormaliser.Normalised both = new CheckNormaliser(TestPostgres.scratchDatabases()).normalise(hibernate, driftless);
        return new SchemaDiffer().diff(both.actual(), both.desired()).changes().stream().map(Change::describe).toList();
    }
}
