package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default database has no pg_dump: it is backed up as a copy of its stopped data directory, restored
 * the same way, and backed up before a destructive apply.
 */
class EmbeddedBackupTest {

    @TempDir
    Path project;

    private CliRun driftless(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = project.resolve("driftless.yaml").toString();
        return CliRun.of(all);
    }

    @Test
    void backupRestoreAndABackupBeforeADestructiveApply() throws Exception {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: db\n");
        Path db = Files.createDirectories(project.resolve("db"));
        Files.writeString(db.resolve("001.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY, nickname text);
                -- rollback DROP TABLE accounts;
                """);
        Files.writeString(db.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: 001.sql\n      relativeToChangelogFile: true\n");
        assertEquals(0, driftless("apply").exitCode());

        CliRun backup = driftless("backup");
        assertEquals(0, backup.exitCode(), backup::toString);
        assertTrue(backup.out().contains(".pgdata.zip"), backup::toString);

        CliRun rollback = driftless("rollback", "--count", "1");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertTrue(driftless("status").out().contains("0 applied, 1 pending."));

        String file = driftless("backups").out().lines().findFirst().orElseThrow().replaceFirst(".*  ", "");
        CliRun restore = driftless("restore", file, "--yes");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertTrue(driftless("status").out().contains("1 applied, 0 pending."), "the restored state");

        Files.writeString(db.resolve("002.sql"), """
                -- liquibase formatted sql

                -- changeset dev:2
                -- comment: DESTRUCTIVE: drop column accounts.nickname (the rollback restores the structure, not the data)
                ALTER TABLE accounts DROP COLUMN nickname;
                -- rollback ALTER TABLE accounts ADD COLUMN nickname text;
                """);
        Files.writeString(db.resolve("db.changelog-master.yaml"), "  - include:\n      file: 002.sql\n      relativeToChangelogFile: true\n",
                java.nio.file.StandardOpenOption.APPEND);
        CliRun refused = driftless("apply");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("002.sql:3 2 (dev)") && refused.err().contains("drop-column"), refused::toString);
        assertTrue(driftless("status").out().contains("1 applied, 1 pending."), "nothing applied after the refusal");
        assertEquals(2, driftless("backups").out().lines().count(), "the refusal comes before the backup");

        CliRun apply = driftless("apply", "--allow-destructive");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("before applying (backup policy: destructive)"), apply::toString);
        List<String> backups = driftless("backups").out().lines().toList();
        assertEquals(3, backups.size(), backups::toString);
        assertTrue(backups.get(0).endsWith("-before-apply.pgdata.zip"), backups::toString);
        assertTrue(backups.get(1).endsWith("-before-restore.pgdata.zip"), backups::toString);

        CliRun pruned = driftless("backup", "--keep", "2");
        assertEquals(2, pruned.out().lines().filter(l -> l.startsWith("deleted old backup")).count(), pruned::toString);
        assertEquals(2, driftless("backups").out().lines().count());
    }
}
