package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.cli.Main;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.model.Change;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small application per framework style ({@code fixtures/apps/…}: Spring Boot properties, Spring Boot YAML with a
 * profile, Quarkus properties, a plain {@code persistence.xml}), each with an implicit {@code @ManyToMany} join table, a
 * composite key declared out of alphabetical order, an {@code Instant}, an enum and an embeddable. For each, through the
 * CLI with the fixture as the project and a driftless.yaml that says nothing about naming or schemas:
 * <ul>
 *   <li>the schema {@code diff} from empty writes, once applied, is exactly the schema the same Hibernate creates
 *       itself with the settings the framework gives it ({@link HibernateOracle}, settings written out by hand here,
 *       independently of driftless's reading of the files): catalog comparison, key column order included;</li>
 *   <li>{@code validate} against the database Hibernate created reports nothing.</li>
 * </ul>
 */
class ApplicationFixturesTest {

    private static final String SPRING_PHYSICAL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    /** Spring Boot's own class (the test class path has the spring-boot jar), not driftless's copy of its rule. */
    private static final String SPRING_IMPLICIT = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";
    private static final String STANDARD_PHYSICAL = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";

    /**
     * @param fixture         the folder under {@code fixtures/apps}
     * @param flags           further CLI flags ({@code --profile})
     * @param oracle          how the framework boots Hibernate, with what it hands it
     * @param schemas         the schemas the application's database already has (Hibernate creates none by default)
     * @param settingsSaid    what diff's first progress line must say about where the settings came from
     */
    record Case(String fixture, List<String> flags, HibernateOracle oracle, List<String> schemas, String settingsSaid,
                String configLines) {
        Case(String fixture, List<String> flags, HibernateOracle oracle, List<String> schemas, String settingsSaid) {
            this(fixture, flags, oracle, schemas, settingsSaid, "");
        }

        @Override
        public String toString() {
            return fixture + (flags.isEmpty() ? "" : " " + String.join(" ", flags)) + (configLines.isEmpty() ? "" : " + " + configLines.strip());
        }
    }

    static Stream<Arguments> cases() {
        return all().stream().map(Arguments::of);
    }

    /** Every case, also for {@link Hibernate6SchemaTest}, which has Hibernate 6.6 boot the same way. */
    static List<Case> all() {
        return List.of(
                new Case("spring-properties", List.of(), HibernateOracle.settings(Map.of(
                        "hibernate.physical_naming_strategy", SPRING_PHYSICAL,
                        "hibernate.implicit_naming_strategy", SPRING_IMPLICIT,
                        "hibernate.default_schema", "shop",
                        "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP")), List.of("shop"),
                        "naming spring (Spring Boot's default)"),
                // spring.profiles.active: prod in application.yml; its prod document stores Instants as timestamp; the
                // schema is the URL's currentSchema: Hibernate creates unqualified tables, PostgreSQL puts them there
                new Case("spring-yaml-profile", List.of(), HibernateOracle.settings(Map.of(
                        "hibernate.physical_naming_strategy", SPRING_PHYSICAL,
                        "hibernate.implicit_naming_strategy", SPRING_IMPLICIT,
                        "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP"), "currentSchema=library"),
                        List.of("library"),
                        "default-schema library (application.yml (currentSchema of the JDBC URL)),"
                                + " hibernate.type.preferred_instant_jdbc_type=TIMESTAMP (application.yml (profile prod))"),
                // --profile audit instead: application-audit.yml keeps names as written and another schema
                new Case("spring-yaml-profile", List.of("--profile", "audit"), HibernateOracle.settings(Map.of(
                        "hibernate.physical_naming_strategy", STANDARD_PHYSICAL,
                        "hibernate.implicit_naming_strategy", SPRING_IMPLICIT,
                        "hibernate.default_schema", "audit")), List.of("audit"),
                        "default-schema audit (application-audit.yml)"),
                // Quarkus hands Hibernate its quarkus.hibernate-orm.* keys as Hibernate settings; naming as Hibernate's
                new Case("quarkus-properties", List.of(), HibernateOracle.settings(Map.of(
                        "hibernate.physical_naming_strategy", SPRING_PHYSICAL,
                        "hibernate.default_schema", "inventory",
                        "hibernate.timezone.default_storage", "NORMALIZE")), List.of("inventory"),
                        "(Quarkus project)"),
                // every identifier quoted, as some applications ask for, with names as written: "Author"."fullName"
                new Case("spring-properties", List.of(), HibernateOracle.settings(Map.of(
                        "hibernate.physical_naming_strategy", STANDARD_PHYSICAL,
                        "hibernate.implicit_naming_strategy", SPRING_IMPLICIT,
                        "hibernate.default_schema", "shop",
                        "hibernate.globally_quoted_identifiers", "true",
                        "hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP")), List.of("shop"),
                        "hibernate.globally_quoted_identifiers=true (application.properties)",
                        "spring.jpa.properties.hibernate.globally_quoted_identifiers=true\n"
                                + "spring.jpa.hibernate.naming.physical-strategy=" + STANDARD_PHYSICAL + "\n"),
                // plain Jakarta Persistence: Hibernate boots from the persistence.xml itself
                new Case("persistence-xml", List.of(), HibernateOracle.persistenceUnit("ledger"), List.of("ledger"),
                        "(persistence.xml project)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diffFromEmptyIsWhatTheApplicationsHibernateCreatesAndValidateAgrees(Case c, @TempDir Path work) throws Exception {
        Path project = ModelCompiler.copySources(Fixture.ROOT.resolve("apps").resolve(c.fixture()), work.resolve("app"));
        Path classes = ModelCompiler.compile(project.resolve("src/main/java"), project.resolve("target/classes"));
        if (!c.configLines().isEmpty()) {
            // a variant of the fixture: lines added at the start of its application.properties (its first document)
            Path file = project.resolve("src/main/resources/application.properties");
            Files.writeString(file, c.configLines() + Files.readString(file));
        }
        TestDatabase fromChangelog = TestPostgres.freshDatabase();
        TestDatabase fromHibernate = TestPostgres.freshDatabase();
        try {
            // nothing about naming or schemas: the application's own configuration decides
            Path config = project.resolve("driftless.yaml");
            Files.writeString(config, "classes: target/classes\nchangelogs: changelogs\nurl: " + fromChangelog.url()
                    + "\nuser: " + fromChangelog.user() + "\ndev-url: " + fromChangelog.devUrl() + "\n");

            Run diff = run(with(c.flags(), "diff", "--config", config.toString()));
            assertEquals(0, diff.exitCode(), diff::toString);
            String settingsLine = (diff.out() + diff.err()).lines().filter(l -> l.contains("model settings")).findFirst().orElse("");
            assertTrue(settingsLine.contains(c.settingsSaid()), () -> "settings line: " + diff);
            Run apply = run(with(List.of(), "apply", "--config", config.toString()));
            assertEquals(0, apply.exitCode(), apply::toString);

            for (String schema : c.schemas()) {
                fromHibernate.execute("CREATE SCHEMA " + schema);
            }
            c.oracle().create(classes, project.resolve("src/main/resources"), fromHibernate);

            Schema hibernate = read(fromHibernate);
            Schema driftless = read(fromChangelog);
            assertEquals(4, hibernate.tables().size(), () -> "Hibernate created: " + hibernate.tables());
            // PostgreSQL prints Hibernate's "check (genre in (...))" in a form that, run again, prints another way
            // (CheckNormaliser); validate and diff meet the two the same way, so the comparison does too
            CheckNormaliser.Normalised both = new CheckNormaliser(TestPostgres.scratchDatabases()).normalise(hibernate, driftless);
            List<String> differences = new SchemaDiffer().diff(both.actual(), both.desired()).changes().stream()
                    .map(Change::describe).toList();
            assertEquals(List.of(), differences, "driftless's changelog against Hibernate's own schema");
            Fixture.assertSameSchema(hibernate, driftless, c + ": the catalogs");

            Run validate = run(with(c.flags(), "validate", "--config", config.toString(),
                    "--url", fromHibernate.url(), "--user", fromHibernate.user()));
            assertEquals(0, validate.exitCode(), validate::toString);
            assertTrue(validate.out().contains("OK: the entities and"), validate::toString);

            // the same database as hand-written SQL (Flyway, Liquibase scripts) usually has it: no precision given
            List<String> alters = fromHibernate.strings("SELECT format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE %s',"
                    + " table_schema, table_name, column_name, data_type) FROM information_schema.columns"
                    + " WHERE data_type LIKE 'timestamp%' AND table_schema NOT IN ('pg_catalog', 'information_schema')");
            assertTrue(!alters.isEmpty(), "the fixture has timestamps");
            fromHibernate.execute(alters.toArray(String[]::new));
            assertEquals(List.of("-1"), fromHibernate.strings("SELECT DISTINCT atttypmod FROM pg_attribute"
                    + " WHERE atttypid IN ('timestamp'::regtype, 'timestamptz'::regtype) AND attrelid IN"
                    + " (SELECT oid FROM pg_class WHERE relnamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema'))"),
                    "every timestamp column without a precision now");
            Run handWritten = run(with(c.flags(), "validate", "--config", config.toString(),
                    "--url", fromHibernate.url(), "--user", fromHibernate.user()));
            assertEquals(0, handWritten.exitCode(), handWritten::toString);
        } finally {
            TestPostgres.scratchDatabases().drop(fromChangelog.name());
            TestPostgres.scratchDatabases().drop(fromHibernate.name());
        }
    }

    /**
     * {@code naming:} given as Hibernate's own standard class is the {@code default} preset (issue 12): it wins over
     * the Spring Boot project's defaults, rename detection stays on, and the history note is said once.
     */
    @org.junit.jupiter.api.Test
    void hibernatesStandardNamingClassIsTheDefaultPresetAndWinsOverTheApplication(@TempDir Path work) throws Exception {
        Path project = ModelCompiler.copySources(Fixture.ROOT.resolve("apps/spring-properties"), work.resolve("app"));
        ModelCompiler.compile(project.resolve("src/main/java"), project.resolve("target/classes"));
        TestDatabase database = TestPostgres.freshDatabase();
        try {
            Path config = project.resolve("driftless.yaml");
            Files.writeString(config, "classes: target/classes\nchangelogs: changelogs\nurl: " + database.url()
                    + "\nuser: " + database.user() + "\ndev-url: " + database.devUrl()
                    + "\nnaming: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n");
            Run diff = run("diff", "--config", config.toString());
            assertEquals(0, diff.exitCode(), diff::toString);
            String all = diff.out() + diff.err();
            assertTrue(all.contains("model settings (Spring Boot project): naming default (driftless.yaml)"), all);
            assertEquals(1, all.lines().filter(l -> l.contains("renames from source history")).count(), all);
            assertTrue(all.lines().noneMatch(l -> l.contains("naming strategy")), all);
            // names as written, JPA's join table name: Hibernate's defaults, not Spring Boot's
            assertTrue(all.contains("create table shop.author_book") && all.contains("create table shop.shelfplacement"), all);
        } finally {
            TestPostgres.scratchDatabases().drop(database.name());
        }
    }

    /** One run of the CLI through its real entry point. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Run run(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static String[] with(List<String> flags, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(flags);
        return all.toArray(String[]::new);
    }

    static Schema read(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return new CatalogIntrospector().read(connection);
        }
    }
}
