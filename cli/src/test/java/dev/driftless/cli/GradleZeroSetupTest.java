package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gradle build with no driftless.yaml: run from any folder of a project, driftless takes its compiled classes from
 * where Gradle puts them, its settings from its resources, and keeps one embedded database at the build's root (the
 * folder of settings.gradle). Gradle itself is never run; the test writes the classes as Gradle's java plugin would.
 */
class GradleZeroSetupTest {

    @TempDir
    Path temp;

    @Test
    void aGradleProjectNeedsNoConfigurationAndSaysWhatItCannotKnow() throws Exception {
        Path build = gradleBuild();
        Path app = build.resolve("app");
        ModelCompiler.compile(app.resolve("src/main/java"), app.resolve("build/classes/java/main"));

        CliRun diff = CliProcess.run(app.resolve("src/main/java/shop"), "diff", "--name", "init");
        assertEquals(0, diff.exitCode(), diff::toString);
        String all = diff.out() + diff.err();
        assertTrue(all.contains("classes from " + app.resolve("build/classes/java/main") + " (Gradle project app);"
                + " driftless does not run Gradle, so the entities see JPA and Hibernate only"), diff::toString);
        assertTrue(diff.out().contains("ledger.fund"), "the application's default schema is used: " + diff);

        CliRun apply = CliProcess.run(app.resolve("src/main/resources"), "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        CliRun status = CliProcess.run(app, "status");
        assertTrue(status.out().contains(", 0 pending."), status::toString);
        try (Stream<Path> found = Files.walk(build)) {
            assertEquals(List.of(build.resolve(".driftless/pgdata")),
                    found.filter(p -> p.endsWith("pgdata")).toList(), "exactly one embedded database, at the build root");
        }
        CliRun validate = CliProcess.run(app, "validate");
        assertEquals(0, validate.exitCode(), validate::toString);
    }

    @Test
    void aProjectNotCompiledYetIsOneLineWithGradlesCommand() throws Exception {
        Path app = gradleBuild().resolve("app");
        Files.writeString(app.getParent().resolve("gradlew"), "#!/bin/sh\n");

        CliRun validate = CliProcess.run(app, "validate");
        assertEquals(2, validate.exitCode(), validate::toString);
        assertTrue(validate.err().contains("no compiled classes in " + app.resolve("build/classes/java/main")
                + ": run ./gradlew classes first"), validate::toString);
        assertFalse(validate.err().contains("\tat "), validate::toString);
    }

    private Path gradleBuild() throws IOException {
        Path build = temp.resolve("shop");
        Path app = build.resolve("app");
        Files.createDirectories(app.resolve("src/main/java/shop"));
        Files.createDirectories(app.resolve("src/main/resources"));
        Files.writeString(build.resolve("settings.gradle.kts"), "rootProject.name = \"shop\"\ninclude(\"app\")\n");
        Files.writeString(app.resolve("build.gradle.kts"), "plugins {\n    java\n}\n");
        Files.writeString(app.resolve("src/main/resources/application.properties"),
                "spring.jpa.properties.hibernate.default_schema=ledger\n");
        Files.writeString(app.resolve("src/main/java/shop/Fund.java"), """
                package shop;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Fund {
                    @Id Long id;
                    String name;
                }
                """);
        return build;
    }
}
