package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot 3 project has Hibernate ORM 6.6's hibernate-core jar on its class path: diff says in one line that the
 * entities were read with the bundled Hibernate 7, which version the application runs, and that the schema is written
 * as 6.6 creates it ({@link Hibernate6SchemaTest} is the proof); its jars are not what reads. Without it, no such line.
 */
class ApplicationHibernateNoteTest {

    @Test
    void aHibernate6JarOnTheClassPathIsNamedAndDoesNotChangeTheSchemaRead(@TempDir Path work) throws Exception {
        Path jar = Hibernate6.jars().stream().filter(j -> j.getFileName().toString().startsWith("hibernate-core-6.6."))
                .findFirst().orElseThrow();
        String version = jar.getFileName().toString().replace("hibernate-core-", "").replace(".jar", "");

        // all of Hibernate 6.6's runtime jars, as a Spring Boot 3 application's class path has them
        ApplicationFixturesTest.Run with = diff(work.resolve("with"), "classpath: " + jar.getParent() + "\n");
        String all = with.out() + with.err();
        List<String> notes = all.lines().filter(l -> l.contains("entities read with the bundled Hibernate ORM")).toList();
        assertEquals(1, notes.size(), all);
        String note = notes.get(0);
        assertTrue(note.contains("bundled Hibernate ORM " + org.hibernate.Version.getVersionString()
                + "; the application's is " + version + " (" + jar.getFileName() + ")"), note);
        assertTrue(note.endsWith(": the schema is written as Hibernate 6.6 creates it (driftless's tests prove it per"
                + " mapping against Hibernate 6.6 itself; 6.2 to 6.5 are not tested)"), note);

        ApplicationFixturesTest.Run without = diff(work.resolve("without"), "");
        String plain = without.out() + without.err();
        assertTrue(plain.lines().noneMatch(l -> l.contains("entities read with")), plain);
        // this model has none of the mappings where Hibernate 6.6's schema and 7's differ
        assertEquals(statements(plain), statements(all), "the same changelog, with the Hibernate 6 jar or without");
        assertTrue(statements(all).contains("    create table shop.author_written_books"), all);
    }

    private static ApplicationFixturesTest.Run diff(Path work, String classpathLine) throws Exception {
        Path project = ModelCompiler.copySources(Fixture.ROOT.resolve("apps/spring-properties"), work.resolve("app"));
        ModelCompiler.compile(project.resolve("src/main/java"), project.resolve("target/classes"));
        TestDatabase database = TestPostgres.freshDatabase();
        try {
            Path config = project.resolve("driftless.yaml");
            Files.writeString(config, "classes: target/classes\n" + classpathLine + "changelogs: changelogs\nurl: "
                    + database.url() + "\nuser: " + database.user() + "\ndev-url: " + database.devUrl() + "\n");
            ApplicationFixturesTest.Run diff = ApplicationFixturesTest.run("diff", "--config", config.toString());
            assertEquals(0, diff.exitCode(), diff::toString);
            return diff;
        } finally {
            TestPostgres.scratchDatabases().drop(database.name());
        }
    }

    /** The changesets diff lists (its progress lines aside). */
    private static String statements(String output) {
        return String.join("\n", output.lines().filter(l -> l.startsWith("    ")).toList());
    }
}
