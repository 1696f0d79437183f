package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that renamed Liquibase's tables ({@code spring.liquibase.database-change-log-table} and
 * {@code database-change-log-lock-table}): driftless reads and writes that history under those names, never makes a
 * second {@code databasechangelog} beside it (which would re-run every changeset), and never takes the renamed tables
 * for unmapped ones.
 */
class RenamedHistoryTableTest {

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aRenamedHistoryIsTheHistoryAndNotAnUnmappedTable() throws Exception {
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Path changes = Files.createDirectories(resources.resolve("db/changelog/changes"));
        Files.writeString(changes.resolve("001-accounts.sql"), """
                -- liquibase formatted sql

                -- changeset app:1
                CREATE TABLE accounts (id bigint NOT NULL, name varchar(255), PRIMARY KEY (id));
                -- rollback DROP TABLE accounts;
                """);
        Files.writeString(changes.getParent().resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - include:
                      file: changes/001-accounts.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(resources.resolve("application.properties"), String.join("\n",
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
                "spring.liquibase.database-change-log-table=app_history",
                "spring.liquibase.database-change-log-lock-table=app_history_lock") + "\n");
        springLiquibase(resources);
        Files.writeString(project.resolve("driftless.yaml"), "classes: " + ProjectFixture.accountEntity(project, "String name; String email;") + "\nbackup: never\n");

        CliRun status = ProjectFixture.driftless(project, "status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("1 applied, 0 pending"), status::toString);

        CliRun diff = ProjectFixture.driftless(project, "diff", "--drop-unmapped", "--name", "account email");
        assertEquals(0, diff.exitCode(), diff::toString);
        CliRun apply = ProjectFixture.driftless(project, "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Applied 1 changeset(s)."), apply::toString);
        assertEquals(List.of("2"), database.strings("SELECT count(*) FROM app_history"));
        assertEquals(List.of("app_history", "app_history_lock"), database.strings("SELECT tablename FROM pg_tables"
                + " WHERE tablename LIKE 'app_history%' OR tablename IN ('databasechangelog', 'databasechangeloglock')"
                + " ORDER BY tablename"), "no second history beside the application's");

        CliRun validate = ProjectFixture.driftless(project, "validate");
        assertEquals(0, validate.exitCode(), validate::toString);
        CliRun again = ProjectFixture.driftless(project, "diff", "--drop-unmapped");
        assertTrue(again.out().contains("No changes"), "the history tables are not the model's to drop: " + again);

        springLiquibase(resources);
        assertEquals(List.of("2"), database.strings("SELECT count(*) FROM app_history"),
                "the application's Liquibase finds driftless's changeset applied");
    }

    private void springLiquibase(Path resources) throws Exception {
        SpringBootLiquibase.update(database, resources, "db/changelog/db.changelog-master.yaml", null, null,
                "app_history", "app_history_lock");
    }


}
