package dev.driftless.cli;

import dev.driftless.testing.ModelCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A project folder of a test: its driftless.yaml, and an {@code accounts} entity compiled into its classes. */
final class ProjectFixture {

    private ProjectFixture() {
    }

    /** driftless with {@code args}, reading the project's driftless.yaml. */
    static CliRun driftless(Path project, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    /**
     * {@code com.acme.Account}, mapped to the table {@code accounts} with an {@code id} and {@code fields}, written to
     * {@code src/main/java} and compiled into {@code target/classes}: the classes folder.
     */
    static Path accountEntity(Path project, String fields) throws IOException {
        Path sources = project.resolve("src/main/java");
        Path file = sources.resolve("com/acme/Account.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package com.acme;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import jakarta.persistence.Table;

                @Entity
                @Table(name = "accounts")
                public class Account {
                    @Id Long id;
                    %s
                }
                """.formatted(fields));
        return ModelCompiler.compile(sources, project.resolve("target/classes"));
    }
}
