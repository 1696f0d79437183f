package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftless init} and {@code driftless doctor} on the fixture Maven build, each in a process of its own. */
class InitDoctorTest {

    @TempDir
    Path temp;

    @Test
    void initWritesWhatItFoundAndDoctorChecksIt() throws Exception {
        MavenFixture.assumeMavenRuns();
        Path build = MavenFixture.copy(temp, true);
        Path app = build.resolve("app");

        CliRun init = CliProcess.run(app, "init");
        assertEquals(0, init.exitCode(), init::toString);
        Path config = build.resolve("driftless.yaml");
        String yaml = Files.readString(config);
        assertTrue(yaml.contains("\nclasses: app/target/classes\nclasspath: maven\n"), yaml);
        assertTrue(yaml.contains("\nchangelogs: app/src/main/resources/db/changelog\n"), "Spring Boot's layout: " + yaml);
        assertTrue(yaml.contains("\nnaming: spring\n"), yaml);
        assertTrue(yaml.contains("\ndefault-schema: shop\n"), yaml);
        assertTrue(yaml.contains("# user: shop\n"), yaml);
        assertFalse(yaml.contains("do-not-copy-me"), "never a password: " + yaml);

        CliRun again = CliProcess.run(app, "init");
        assertEquals(2, again.exitCode(), again::toString);
        assertTrue(again.err().contains("exists already"), again::toString);
        Files.writeString(config, "# mine\n");
        CliRun forced = CliProcess.run(build, "init", "--force");
        assertEquals(2, forced.exitCode(), "the build root is an aggregator: " + forced);
        assertEquals(0, CliProcess.run(app, "init", "--force").exitCode());
        assertEquals(yaml, Files.readString(config));

        CliRun doctor = CliProcess.run(build, "doctor");
        assertEquals(0, doctor.exitCode(), doctor::toString);
        assertTrue(doctor.out().contains("✓ java: Java "), doctor::toString);
        assertTrue(doctor.out().contains("✓ build: classes [" + app.resolve("target/classes") + "] (Maven module app)"),
                doctor::toString);
        assertTrue(doctor.out().contains("✓ entities: 2 @Entity class(es)"), doctor::toString);
        assertTrue(doctor.out().contains("✓ naming: "), doctor::toString);
        assertTrue(doctor.out().contains("✓ embedded database: PostgreSQL "), doctor::toString);

        CliRun diff = CliProcess.run(build, "diff");
        assertEquals(0, diff.exitCode(), diff::toString);
        try (Stream<Path> files = Files.list(app.resolve("src/main/resources/db/changelog"))) {
            assertEquals(2, files.count(), "the changelog and its master, in Spring Boot's folder");
        }

        try (Stream<Path> classes = Files.walk(app.resolve("target/classes"))) {
            classes.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        CliRun sick = CliProcess.run(app, "doctor");
        assertEquals(1, sick.exitCode(), sick::toString);
        assertTrue(sick.out().contains("✗ build: no usable classes\n    fix: no compiled classes in "
                + app.resolve("target/classes") + ": run mvn compile first"), sick::toString);
        assertTrue(sick.out().contains("✓ embedded database: "), sick::toString);
    }
}
