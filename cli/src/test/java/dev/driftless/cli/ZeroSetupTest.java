package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven build with no driftless.yaml: run from any of its folders, driftless finds the module's compiled classes,
 * has the project's Maven resolve the class path, and keeps one embedded database at the build's root. Each command
 * runs in a process of its own, in the folder a user would run it from.
 */
class ZeroSetupTest {

    @TempDir
    Path temp;

    @Test
    void aMavenModuleNeedsNoConfigurationAndEveryFolderSharesOneDatabase() throws Exception {
        MavenFixture.assumeMavenRuns();
        Path build = MavenFixture.copy(temp, true);
        Path app = build.resolve("app");

        CliRun diff = CliProcess.run(app.resolve("src/main/java/shop"), "diff", "--name", "init");
        assertEquals(0, diff.exitCode(), diff::toString);
        String all = diff.out() + diff.err();
        assertTrue(all.contains("classes from " + app.resolve("target/classes") + " (Maven module app), class path: "),
                diff::toString);
        assertTrue(all.contains("from Maven (mvn, offline)"), diff::toString);
        assertTrue(diff.out().contains("shop.fund"), "the application's default schema is used: " + diff);

        // one database, at the build's root, whichever folder a command runs from
        CliRun apply = CliProcess.run(app.resolve("src/main/resources"), "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        CliRun status = CliProcess.run(app, "status");
        assertTrue(status.out().contains(", 0 pending."), status::toString);
        assertFalse(status.out().contains("No changesets yet"), status::toString);
        try (Stream<Path> found = Files.walk(build)) {
            assertEquals(List.of(build.resolve(".driftless/pgdata")),
                    found.filter(p -> p.endsWith("pgdata")).toList(), "exactly one embedded database");
        }

        // the class path is cached until a pom changes
        CliRun again = CliProcess.run(app, "diff");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue((again.out() + again.err()).contains("(cached until a pom.xml changes)"), again::toString);
        assertTrue(again.out().contains("No changes"), again::toString);
        Files.writeString(app.resolve("pom.xml"), Files.readString(app.resolve("pom.xml")) + "<!-- edited -->\n");
        CliRun edited = CliProcess.run(app, "validate");
        assertEquals(0, edited.exitCode(), edited::toString);
        assertTrue((edited.out() + edited.err()).contains("from Maven (mvn, offline)"), edited::toString);
    }

    @Test
    void missingClassesAndAnAggregatorAreOneLineEach() throws Exception {
        Path build = MavenFixture.copy(temp, false);

        CliRun inModule = CliProcess.run(build.resolve("app"), "validate");
        assertEquals(2, inModule.exitCode(), inModule::toString);
        assertTrue(inModule.err().contains("no compiled classes in " + build.resolve("app/target/classes")
                + ": run mvn compile first"), inModule::toString);
        assertFalse(inModule.err().contains("\tat "), inModule::toString);

        CliRun atRoot = CliProcess.run(build, "validate");
        assertEquals(2, atRoot.exitCode(), atRoot::toString);
        assertTrue(atRoot.err().contains("is an aggregator pom"), atRoot::toString);
    }

    @Test
    void aFailingMavenRunIsExit2WithMavensLastLines() throws Exception {
        MavenFixture.assumeMavenRuns();
        Path build = MavenFixture.copy(temp, true);
        Path pom = build.resolve("app/pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("  </dependencies>",
                "    <dependency><groupId>dev.driftless.fixture</groupId><artifactId>no-such-library</artifactId>"
                        + "<version>1.0</version></dependency>\n  </dependencies>"));

        CliRun run = CliProcess.run(build.resolve("app"), "validate");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Maven could not resolve the class path of " + build.resolve("app")), run::toString);
        assertTrue(run.err().contains("no-such-library"), "Maven's own words: " + run);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    @Test
    void twoCommandsAtOnceOnTheSameEmbeddedDatabaseBothSucceed() throws Exception {
        Path project = temp.resolve("example");
        ExampleProject.copyInto(project);
        Files.writeString(project.resolve("driftless.yaml"), "classes: classes\nchangelogs: changelogs\n");

        CliProcess apply = CliProcess.start(project, "apply");
        CliProcess status = CliProcess.start(project.resolve("changelogs"), "status");
        CliRun applied = apply.await();
        CliRun listed = status.await();
        assertEquals(0, applied.exitCode(), applied::toString);
        assertEquals(0, listed.exitCode(), listed::toString);

        CliRun after = CliProcess.run(project, "validate");
        assertEquals(0, after.exitCode(), "the one database holds the whole schema: " + after);
    }
}
