package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven module that runs Hibernate ORM 6.6 itself (hibernate-core at compile scope, as Spring Boot 3's JPA starter
 * brings it): the class path Maven resolves has it, driftless still reads the entities with its bundled Hibernate (the
 * application's jar is left out of that class path) and says so in one line, with the application's version. (The
 * testing/hibernate-6 module has put Hibernate 6.6 into the local Maven repository, so Maven resolves it offline.)
 */
class MavenApplicationHibernateTest {

    @TempDir
    Path temp;

    @Test
    void aModuleOnHibernate6IsReadWithTheBundledOneAndTheLineSaysBoth() throws Exception {
        MavenFixture.assumeMavenRuns();
        Path build = MavenFixture.copy(temp, true);
        Path app = build.resolve("app");
        ModelCompiler.edit(app, "pom.xml", Map.of(
                "<version>7.4.15.Final</version>\n      <scope>provided</scope>", "<version>6.6.56.Final</version>",
                "<version>3.2.0</version>", "<version>3.1.0</version>"));

        CliRun diff = CliProcess.run(app, "diff", "--name", "init");
        assertEquals(0, diff.exitCode(), diff::toString);
        String all = diff.out() + diff.err();
        List<String> notes = all.lines().filter(l -> l.contains("entities read with the bundled Hibernate ORM")).toList();
        assertEquals(1, notes.size(), all);
        assertTrue(notes.get(0).contains("Hibernate ORM " + org.hibernate.Version.getVersionString()
                + "; the application's is 6.6.56.Final (hibernate-core-6.6.56.Final.jar): the schema is written as"
                + " Hibernate 6.6 creates it"), notes.get(0));
        assertTrue(all.contains("with Hibernate ORM " + org.hibernate.Version.getVersionString()), all);
        assertTrue(diff.out().contains("shop.fund"), diff::toString);

        // from the cached class path too
        CliRun apply = CliProcess.run(app, "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        CliRun again = CliProcess.run(app, "diff");
        assertEquals(0, again.exitCode(), again::toString);
        String second = again.out() + again.err();
        assertTrue(second.contains("(cached until a pom.xml changes)"), second);
        assertEquals(1, second.lines().filter(l -> l.contains("the application's is 6.6.56.Final")).count(), second);
    }
}
