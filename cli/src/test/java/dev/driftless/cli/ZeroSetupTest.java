package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftless.testing.ModelCompiler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven build with no driftless.yaml: run from any of its folders, driftless finds the module's compiled classes,
 * has the project's Maven resolve the class path, and keeps one embedded database at the build's root. Each command
 * runs in a process of its own, in the folder a user would run it from.
 */
class ZeroSetupTest {

    /** The fixture's entity Fund implements an interface of this library: it cannot be read without Maven's class path. */
    private static final Path COMMONS_MATH = Path.of(System.getProperty("user.home"),
            ".m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar");

    @TempDir
    Path temp;

    @Test
    void aMavenModuleNeedsNoConfigurationAndEveryFolderSharesOneDatabase() throws Exception {
        assumeMavenRuns();
        Path build = fixture(true);
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
        Path build = fixture(false);

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
        assumeMavenRuns();
        Path build = fixture(true);
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

    /** A copy of the fixture build; with {@code compiled}, app/target/classes as {@code mvn compile} leaves it. */
    private Path fixture(boolean compiled) throws Exception {
        Path build = ModelCompiler.copySources(Path.of(getClass().getResource("/maven-project").toURI()),
                temp.resolve("shop"));
        if (compiled) {
            assumeTrue(Files.isRegularFile(COMMONS_MATH), "needs " + COMMONS_MATH + " in the local Maven repository");
            Path classes = build.resolve("app/target/classes");
            Files.createDirectories(classes);
            List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path") + File.pathSeparator + COMMONS_MATH));
            try (Stream<Path> sources = Files.walk(build.resolve("app/src/main/java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
            ModelCompiler.copySources(build.resolve("app/src/main/resources"), classes);
        }
        return build;
    }

    private static void assumeMavenRuns() throws Exception {
        boolean runs;
        try {
            Process maven = new ProcessBuilder("mvn", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            runs = maven.waitFor(2, TimeUnit.MINUTES) && maven.exitValue() == 0;
        } catch (java.io.IOException e) {
            runs = false;
        }
        assumeTrue(runs, "needs Maven ('mvn') on PATH to resolve the fixture's class path");
    }
}
