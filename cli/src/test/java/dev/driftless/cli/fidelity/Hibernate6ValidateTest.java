package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot 3 application's Hibernate 6.6 created its database itself ({@code ddl-auto=create}); the project's
 * class path holds its hibernate-core 6.6 jar. {@code validate} then compares with the schema Hibernate 6.6 creates
 * (the Hibernate 6 schema mode) and finds nothing, where Hibernate 7's schema would want the {@code @Version Long}
 * column not null and the times as {@code time(0)}; {@code hibernate-schema: 7} (or no Hibernate 6 jar) says so.
 */
class Hibernate6ValidateTest {

    private static final String MODEL = """
            package fx.h6v;

            import jakarta.persistence.*;
            import java.time.LocalTime;

            @Entity
            public class Account {
                @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                @Version Long version;
                String owner;
                LocalTime opensAt;
                java.sql.Time closesAt;
            }
            """;

    @Test
    void validateFindsNothingOnTheSchemaHibernate66CreatedWhenTheApplicationRunsIt(@TempDir Path work) throws Exception {
        Path sources = work.resolve("src/main/java");
        Files.createDirectories(sources.resolve("fx/h6v"));
        Files.writeString(sources.resolve("fx/h6v/Account.java"), MODEL);
        Path classes = ModelCompiler.compile(sources, work.resolve("target/classes"));
        TestDatabase database = TestPostgres.freshDatabase();
        try (Hibernate6 hibernate6 = Hibernate6.start(work.resolve("hibernate-6"))) {
            Path classes6 = hibernate6.compile(sources, work.resolve("classes-hibernate-6"));
            String version = hibernate6.create(HibernateOracle.settings(Map.of()), classes6, work.resolve("no-resources"),
                    database);
            assertTrue(version.startsWith("6.6."), version);
            assertEquals(List.of("YES"), database.strings("SELECT is_nullable FROM information_schema.columns"
                    + " WHERE table_name = 'account' AND column_name = 'version'"), "Hibernate 6.6 leaves it nullable");

            String base = "classes: " + classes + "\nchangelogs: changelogs\nurl: " + database.url() + "\nuser: "
                    + database.user() + "\ndev-url: " + database.devUrl() + "\n";
            String withJar = base + "classpath: " + hibernate6.hibernateCore() + "\n";

            ApplicationFixturesTest.Run six = validate(work, "six.yaml", withJar);
            assertEquals(0, six.exitCode(), six::toString);
            assertTrue(six.out().contains("OK: the entities and"), six::toString);
            assertTrue((six.out() + six.err()).contains(": the schema is written as Hibernate 6.6 creates it"), six::toString);

            // the controls: Hibernate 7's schema, asked for, or without the application's Hibernate 6 on the class path
            for (String config : List.of(withJar + "hibernate-schema: 7\n", base)) {
                ApplicationFixturesTest.Run seven = validate(work, "seven.yaml", config);
                assertNotEquals(0, seven.exitCode(), seven::toString);
                String all = seven.out() + seven.err();
                assertTrue(all.contains("version") && all.contains("opensat"), seven::toString);
            }

            ApplicationFixturesTest.Run wrong = validate(work, "wrong.yaml", withJar + "hibernate-schema: 5\n");
            assertEquals(2, wrong.exitCode(), wrong::toString);
            assertTrue(wrong.err().contains("hibernate-schema must be 6, 7 or auto"), wrong::toString);
        } finally {
            TestPostgres.scratchDatabases().drop(database.name());
        }
    }

    private static ApplicationFixturesTest.Run validate(Path work, String name, String yaml) throws Exception {
        Path config = work.resolve(name);
        Files.writeString(config, yaml);
        return ApplicationFixturesTest.run("validate", "--config", config.toString());
    }
}
