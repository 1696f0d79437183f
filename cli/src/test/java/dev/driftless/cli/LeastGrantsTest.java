package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grants docs/security.md gives for each command, measured: each role below has exactly what the page lists, and
 * the commands it lists for that role work with it, while a change is refused with the server's own reason.
 */
class LeastGrantsTest {

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aReadOnlyRoleRunsTheReadingCommandsAndTheSchemaOwnerRunsTheChangingOnes() throws Exception {
        assumeTrue(database.password().isEmpty(), "the roles made here log in without a password (trust)");
        String owner = database.name() + "_migrator";
        String reader = database.name() + "_reader";
        // Exactly the grants of docs/security.md, "Least grants".
        database.execute(
                "CREATE ROLE " + owner + " LOGIN",
                "GRANT CONNECT ON DATABASE " + database.name() + " TO " + owner,
                "CREATE SCHEMA app AUTHORIZATION " + owner,
                "ALTER ROLE " + owner + " IN DATABASE " + database.name() + " SET search_path = app",
                "CREATE ROLE " + reader + " LOGIN",
                "GRANT CONNECT ON DATABASE " + database.name() + " TO " + reader,
                "GRANT USAGE ON SCHEMA app TO " + reader,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA app GRANT SELECT ON TABLES TO " + reader,
                "ALTER ROLE " + reader + " IN DATABASE " + database.name() + " SET search_path = app",
                "REVOKE ALL ON DATABASE " + database.name() + " FROM PUBLIC");
        Path classes = entities("String owner;");

        CliRun diff = driftless(owner, classes, "diff", "--name", "accounts");
        assertEquals(0, diff.exitCode(), diff::toString);
        CliRun apply = driftless(owner, classes, "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of(owner), database.strings("SELECT tableowner FROM pg_tables WHERE schemaname = 'app'"
                + " AND tablename = 'accounts'"));
        CliRun rollback = driftless(owner, classes, "rollback", "--count", "1");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertEquals(0, driftless(owner, classes, "apply").exitCode());
        assertEquals(0, driftless(owner, classes, "tag", "v1").exitCode());

        for (String[] reading : List.of(new String[] {"status"}, new String[] {"history"}, new String[] {"validate"},
                new String[] {"validate-changelog"}, new String[] {"diff", "--print"})) {
            CliRun run = driftless(reader, classes, reading);
            assertEquals(0, run.exitCode(), () -> String.join(" ", reading) + " as the read-only role: " + run);
        }
        assertTrue(driftless(reader, classes, "status").out().contains("1 applied, 0 pending"));

        // A model change: the read-only role sees it and can write its changelog, but cannot apply it.
        Path changed = entities("String owner; String iban;");
        CliRun validate = driftless(reader, changed, "validate");
        assertEquals(1, validate.exitCode(), validate::toString);
        assertTrue(validate.out().contains("iban"), validate::toString);
        assertEquals(0, driftless(reader, changed, "diff", "--name", "iban").exitCode());
        CliRun refused = driftless(reader, changed, "apply");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("permission denied") || refused.err().contains("must be owner"), refused::toString);
        assertFalse(refused.err().contains("\tat "), refused::toString);
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM information_schema.columns WHERE table_schema"
                + " = 'app' AND column_name = 'iban'"));
        assertEquals(0, driftless(owner, changed, "apply").exitCode());
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM information_schema.columns WHERE table_schema"
                + " = 'app' AND column_name = 'iban'"));
    }

    private Path entities(String fields) throws IOException {
        Path sources = project.resolve("src-" + Math.abs(fields.hashCode()));
        Path file = sources.resolve("com/acme/Account.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package com.acme;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import jakarta.persistence.Table;

                @Entity
                @Table(schema = "app", name = "accounts")
                public class Account {
                    @Id Long id;
                    %s
                }
                """.formatted(fields));
        return ModelCompiler.compile(sources, project.resolve("classes-" + Math.abs(fields.hashCode())));
    }

    private CliRun driftless(String role, Path classes, String... args) throws IOException {
        Path config = project.resolve(role + ".yaml");
        Files.writeString(config, String.join("\n", "changelogs: " + project.resolve("changelogs"), "classes: " + classes,
                "url: " + database.url(), "user: " + role, "dev-url: " + database.devUrl(), "backup: never") + "\n");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }
}
