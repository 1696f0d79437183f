package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelog parameters the application gives its Liquibase ({@code spring.liquibase.parameters.schema=ledger}): every
 * command reads the changelog with them, so {@code ${schema}} in a changeset is {@code ledger}, as it was when the
 * application's Liquibase ran it, and {@code changelog-parameters:} in driftless.yaml replaces one by name.
 */
class LiquibaseParametersTest {

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void theApplicationsParametersAreTheChangelogsAndDriftlessYamlReplacesOne() throws Exception {
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Path changes = Files.createDirectories(resources.resolve("db/changelog/changes"));
        Files.writeString(changes.resolve("001-accounts.sql"), """
                -- liquibase formatted sql

                -- changeset app:1
                CREATE TABLE ${schema}.accounts (id bigint PRIMARY KEY, owner text DEFAULT '${owner}');
                -- rollback DROP TABLE ${schema}.accounts;
                """);
        Files.writeString(changes.getParent().resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - include:
                      file: changes/001-accounts.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  datasource:
                    url: %s
                    username: %s
                  liquibase:
                    change-log: classpath:db/changelog/db.changelog-master.yaml
                    parameters:
                      schema: ledger
                      owner: treasury
                      tier: silver
                      app_password: hunter2
                """.formatted(database.url(), database.user()));
        database.execute("CREATE SCHEMA ledger");
        SpringBootLiquibase.update(database, resources, "db/changelog/db.changelog-master.yaml", null, null, null, null,
                Map.of("schema", "ledger", "owner", "treasury", "tier", "silver"));
        Files.writeString(project.resolve("driftless.yaml"), "backup: never\nchangelog-parameters:\n  tier: gold\n");

        CliRun doctor = ProjectFixture.driftless(project, "doctor");
        assertTrue(doctor.out().contains("parameters.owner treasury (application.yml), parameters.schema ledger"
                + " (application.yml)"), doctor::toString);
        assertTrue(doctor.out().contains("parameters.app_password *** (application.yml)")
                && !doctor.out().contains("hunter2"), doctor::toString);
        CliRun checked = ProjectFixture.driftless(project, "validate-changelog");
        assertEquals(0, checked.exitCode(), checked::toString);
        assertTrue(checked.out().contains("1 applied, none edited since"), checked::toString);

        Files.writeString(changes.resolve("002-owners.sql"), """
                -- liquibase formatted sql

                -- changeset app:2
                CREATE TABLE ${schema}.owners (id bigint PRIMARY KEY, name text DEFAULT '${owner}-${tier}');
                -- rollback DROP TABLE ${schema}.owners;
                """);
        Files.writeString(changes.getParent().resolve("db.changelog-master.yaml"), """
                  - include:
                      file: changes/002-owners.sql
                      relativeToChangelogFile: true
                """, StandardOpenOption.APPEND);
        CliRun apply = ProjectFixture.driftless(project, "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("'treasury-gold'::text"), database.strings("SELECT column_default FROM information_schema.columns"
                + " WHERE table_schema = 'ledger' AND table_name = 'owners' AND column_name = 'name'"),
                "the application's schema and owner, driftless.yaml's tier");

        CliRun rollback = ProjectFixture.driftless(project, "rollback", "--count", "1");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertEquals(List.of("accounts"), database.strings("SELECT tablename FROM pg_tables WHERE schemaname = 'ledger'"));
    }

}
