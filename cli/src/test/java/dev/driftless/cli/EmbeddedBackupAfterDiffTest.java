package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.testing.ModelCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a diff leaves a tablespace link (pg_tblspc → RAM) in the embedded data directory; the backup before a
 * destructive apply must still work with default settings, and restoring it must bring the rows back.
 */
class EmbeddedBackupAfterDiffTest {

    @TempDir
    Path project;

    @Test
    void aDestructiveApplyAfterADiffBacksUpAndTheRestoreBringsTheDataBack() throws Exception {
        Path sources = Files.createDirectories(project.resolve("src/shop"));
        writeEntity(sources, "    String nickname;\n");
        ModelCompiler.compile(project.resolve("src"), project.resolve("v1"));
        Files.writeString(project.resolve("driftless.yaml"), "classes: v1\nchangelogs: db\n");

        CliRun diff = driftless("diff");
        assertEquals(0, diff.exitCode(), diff::toString);
        assertEquals(0, driftless("apply").exitCode());
        sql("INSERT INTO account (id, nickname) VALUES (1, 'ada'), (2, 'grace')");

        writeEntity(sources, "");
        ModelCompiler.compile(project.resolve("src"), project.resolve("v2"));
        Files.writeString(project.resolve("driftless.yaml"), "classes: v2\nchangelogs: db\n");
        CliRun drop = driftless("diff", "--name", "drop-nickname");
        assertEquals(0, drop.exitCode(), drop::toString);
        assertTrue(hasTablespaceLink(), "the diff's scratch databases left a pg_tblspc link: the case under test");

        CliRun apply = driftless("apply", "--allow-destructive");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("before applying (backup policy: destructive)"), apply::toString);
        assertEquals(List.of(), sql("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'account' AND column_name = 'nickname'"), "the column is gone");

        String backup = driftless("backups").out().lines().filter(l -> l.contains("before-apply"))
                .findFirst().orElseThrow().replaceFirst(".*  ", "");
        CliRun restore = driftless("restore", backup, "--yes");
        assertEquals(0, restore.exitCode(), restore::toString);
        assertEquals(List.of("1:ada", "2:grace"), sql("SELECT id || ':' || nickname FROM account ORDER BY id"));

        assertTrue(driftless("status").out().contains("1 applied, 1 pending."), "the history is the backup's too");

        // The restored cluster's scratch tablespace works: apply again, diff (scratch databases), back up again.
        CliRun reapply = driftless("apply", "--allow-destructive");
        assertEquals(0, reapply.exitCode(), reapply::toString);
        CliRun none = driftless("diff");
        assertEquals(0, none.exitCode(), none::toString);
        assertTrue(none.out().contains("No changes"), none::toString);
        assertTrue(hasTablespaceLink());
        CliRun backupAgain = driftless("backup");
        assertEquals(0, backupAgain.exitCode(), backupAgain::toString);
    }

    @AfterEach
    void emptyTheRamTablespace() throws IOException {
        Path location = EmbeddedServer.scratchTablespaceLocation(project.resolve(".driftless/pgdata"));
        if (Files.exists(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private void writeEntity(Path dir, String extraField) throws IOException {
        Files.writeString(dir.resolve("Account.java"), """
                package shop;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Account {
                    @Id
                    Long id;
                """ + extraField + "}\n");
    }

    private boolean hasTablespaceLink() throws IOException {
        Path links = project.resolve(".driftless/pgdata/pg_tblspc");
        try (Stream<Path> entries = Files.list(links)) {
            return entries.anyMatch(Files::isSymbolicLink);
        }
    }

    private List<String> sql(String statement) throws IOException, SQLException {
        List<String> rows = new ArrayList<>();
        try (EmbeddedServer server = EmbeddedServer.start(project.resolve(".driftless/pgdata"));
             Connection c = server.connect("driftless"); Statement s = c.createStatement()) {
            if (s.execute(statement)) {
                try (ResultSet r = s.getResultSet()) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
