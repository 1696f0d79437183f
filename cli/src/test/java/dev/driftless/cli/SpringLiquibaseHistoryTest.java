package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A history written by Spring Boot's Liquibase, which finds the master changelog on the class path
 * ({@code spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml}) and so records each file as
 * {@code db/changelog/…}: with {@code changelog-root: src/main/resources} driftless names the files the same way,
 * sees that history as applied, and records what it applies in the same form (issue 13).
 */
class SpringLiquibaseHistoryTest {

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aHistoryWrittenFromTheClassPathIsAppliedHistoryWithChangelogRoot() throws Exception {
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Path changelogs = Files.createDirectories(resources.resolve("db/changelog/changes"));
        Files.writeString(changelogs.resolve("001-accounts.sql"), """
                -- liquibase formatted sql

                -- changeset app:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;
                """);
        Files.writeString(changelogs.getParent().resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - include:
                      file: changes/001-accounts.sql
                      relativeToChangelogFile: true
                """);
        springBootLiquibaseUpdate(resources, "db/changelog/db.changelog-master.yaml", null, null);
        assertEquals(List.of("db/changelog/changes/001-accounts.sql"), database.strings("SELECT filename FROM databasechangelog"));

        writeConfig(null);
        CliRun unrooted = driftless("status");
        assertTrue(unrooted.out().contains("pending  changes/001-accounts.sql :: 1"),
                "named from the changelog folder, the history is another changelog's: " + unrooted);
        CliRun hint = driftless("validate-changelog");
        assertTrue(hint.out().contains("They name this changelog's own files from another folder (as db/changelog/…,")
                && hint.out().contains("set changelog-root in driftless.yaml"), hint::toString);

        writeConfig("src/main/resources");
        CliRun status = driftless("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("1 applied, 0 pending"), status::toString);
        assertEquals(0, driftless("validate-changelog").exitCode());

        addOwnersChangeset(changelogs);
        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Applied 1 changeset(s)."), apply::toString);
        assertEquals(List.of("db/changelog/changes/001-accounts.sql", "db/changelog/changes/002-owners.sql"),
                database.strings("SELECT filename FROM databasechangelog ORDER BY orderexecuted"));

        CliRun rollback = driftless("rollback", "--count", "1");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename = 'owners'"));
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'"));
    }

    /**
     * Nothing about Liquibase in driftless.yaml: the application's {@code spring.liquibase.*} settings decide where the
     * changelog is and how its files are named, its contexts and the schema of its history, as they decide for the
     * application's own Liquibase.
     */
    @Test
    void theApplicationsOwnLiquibaseSettingsDecideWhenDriftlessYamlSaysNothing() throws Exception {
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Path changelogs = Files.createDirectories(resources.resolve("db/changelog/changes"));
        Files.writeString(changelogs.resolve("001-accounts.sql"), """
                -- liquibase formatted sql

                -- changeset app:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;

                -- changeset app:fixtures context:test
                INSERT INTO accounts VALUES (42);
                -- rollback DELETE FROM accounts WHERE id = 42;
                """);
        Files.writeString(changelogs.getParent().resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - include:
                      file: changes/001-accounts.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(resources.resolve("application.properties"), String.join("\n",
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
                "spring.liquibase.contexts=prod",
                "spring.liquibase.liquibase-schema=history") + "\n");
        database.execute("CREATE SCHEMA history");
        springBootLiquibaseUpdate(resources, "db/changelog/db.changelog-master.yaml", "prod", "history");
        assertEquals(List.of("db/changelog/changes/001-accounts.sql"),
                database.strings("SELECT filename FROM history.databasechangelog"));
        Files.writeString(project.resolve("driftless.yaml"), "backup: never\n");

        CliRun doctor = driftless("doctor");
        assertTrue(doctor.out().contains("the application's Liquibase settings: change-log"
                + " classpath:db/changelog/db.changelog-master.yaml (application.properties), contexts prod"
                + " (application.properties), liquibase-schema history (application.properties); changelogs in "
                + changelogs.getParent().toAbsolutePath().normalize()), doctor::toString);
        CliRun status = driftless("status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("1 applied, 0 pending"), "the test context's changeset is not prod's: " + status);

        addOwnersChangeset(changelogs);
        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("db/changelog/changes/001-accounts.sql", "db/changelog/changes/002-owners.sql"),
                database.strings("SELECT filename FROM history.databasechangelog ORDER BY orderexecuted"));
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM accounts"), "no test fixture in prod");
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename LIKE 'databasechangelog%'"));
    }

    /** A project that already keeps driftless's changelogs in the default folder goes on using them. */
    @Test
    void anExistingDriftlessChangelogInTheDefaultFolderWinsOverTheApplicationsMaster() throws Exception {
        Path resources = Files.createDirectories(project.resolve("src/main/resources/db/changelog"));
        Files.writeString(resources.resolve("db.changelog-master.yaml"), "databaseChangeLog: []\n");
        Files.writeString(project.resolve("src/main/resources/application.properties"),
                "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml\n");
        Path own = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(own.resolve("001-accounts.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;
                """);
        Files.writeString(own.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: 001-accounts.sql\n      relativeToChangelogFile: true\n");
        Files.writeString(project.resolve("driftless.yaml"), "url: " + database.url() + "\nuser: " + database.user()
                + "\nbackup: never\n");
        CliRun status = driftless("status");
        assertTrue(status.out().contains("pending  001-accounts.sql :: 1"), status::toString);
    }

    @Test
    void aChangelogRootThatDoesNotHoldTheChangelogsIsAUsageError() throws Exception {
        Files.createDirectories(project.resolve("src/main/resources/db/changelog"));
        Files.createDirectories(project.resolve("elsewhere"));
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: src/main/resources/db/changelog\n"
                + "changelog-root: elsewhere\nurl: " + database.url() + "\nuser: " + database.user() + "\n");
        CliRun status = driftless("status");
        assertEquals(2, status.exitCode(), status::toString);
        assertTrue(status.err().contains("does not hold the changelogs directory"), status::toString);
    }

    /** A second changeset in {@code changes/}, included after the first: what a new release brings. */
    private static void addOwnersChangeset(Path changes) throws IOException {
        Files.writeString(changes.resolve("002-owners.sql"), """
                -- liquibase formatted sql

                -- changeset app:2
                CREATE TABLE owners (id bigint PRIMARY KEY);
                -- rollback DROP TABLE owners;
                """);
        Files.writeString(changes.getParent().resolve("db.changelog-master.yaml"), """
                  - include:
                      file: changes/002-owners.sql
                      relativeToChangelogFile: true
                """, java.nio.file.StandardOpenOption.APPEND);
    }

    private void springBootLiquibaseUpdate(Path classPathRoot, String master, String contexts, String liquibaseSchema)
            throws Exception {
        SpringBootLiquibase.update(database, classPathRoot, master, contexts, liquibaseSchema);
    }

    private void writeConfig(String changelogRoot) throws IOException {
        List<String> lines = new ArrayList<>(List.of("changelogs: src/main/resources/db/changelog", "url: " + database.url(),
                "user: " + database.user(), "backup: never"));
        if (changelogRoot != null) {
            lines.add("changelog-root: " + changelogRoot);
        }
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", lines) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
