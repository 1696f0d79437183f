package dev.driftless.changelogs.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links in the data directory: the scratch tablespace's link is kept as a link (its target is not copied),
 * any other link refuses the backup. The whole round trip through a running PostgreSQL is EmbeddedBackupAfterDiffTest.
 */
class DataDirectoryArchiveTest {

    @TempDir
    Path root;

    private Path dataDirectory() throws IOException {
        Path pgdata = Files.createDirectories(root.resolve("pgdata/base/1"));
        Files.writeString(pgdata.resolveSibling("..").normalize().resolve("PG_VERSION"), "18\n");
        Files.writeString(pgdata.resolve("1259"), "heap");
        Files.createDirectories(root.resolve("pgdata/pg_tblspc"));
        return root.resolve("pgdata");
    }

    @Test
    void theScratchTablespaceLinkIsKeptAsALinkAndPointsAtThisProjectsScratchLocationAfterARestore() throws IOException {
        Path pgdata = dataDirectory();
        Path scratch = Files.createDirectories(root.resolve("shm/driftless-old"));
        Files.writeString(Files.createDirectories(scratch.resolve("PG_18_1/16390")).resolve("1259"), "throwaway");
        Files.createSymbolicLink(pgdata.resolve("pg_tblspc/16385"), scratch);
        Path archive = Files.createFile(root.resolve("backup.pgdata.zip"));

        DataDirectoryArchive.write(pgdata, archive, scratch);
        DataDirectoryArchive.verify(archive);
        Files.writeString(pgdata.resolve("base/1/1259"), "changed after the backup");

        Path newScratch = Files.createDirectories(root.resolve("shm/driftless-new"));
        Files.writeString(newScratch.resolve("leftover"), "of the replaced cluster");
        DataDirectoryArchive.restore(archive, pgdata, newScratch);

        assertEquals("heap", Files.readString(pgdata.resolve("base/1/1259")));
        Path link = pgdata.resolve("pg_tblspc/16385");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(newScratch, Files.readSymbolicLink(link));
        assertFalse(Files.exists(newScratch), "the scratch files of the replaced cluster are gone");
        assertEquals("throwaway", Files.readString(scratch.resolve("PG_18_1/16390/1259")), "never followed nor touched");
    }

    @Test
    void aLinkToAnythingElseRefusesTheBackupInsteadOfLosingIt() throws IOException {
        Path pgdata = dataDirectory();
        Path elsewhere = Files.createDirectories(root.resolve("mnt/fast-disk"));
        Files.createSymbolicLink(pgdata.resolve("pg_tblspc/16400"), elsewhere);
        Path archive = Files.createFile(root.resolve("backup.pgdata.zip"));

        IOException refused = assertThrows(IOException.class,
                () -> DataDirectoryArchive.write(pgdata, archive, root.resolve("shm/driftless-x")));
        assertTrue(refused.getMessage().contains("16400 links to " + elsewhere), refused.getMessage());
        assertTrue(refused.getMessage().contains("back up with pg_dump"), refused.getMessage());
    }

    @Test
    void aTruncatedArchiveIsNotABackup() throws IOException {
        Path pgdata = dataDirectory();
        Path archive = Files.createFile(root.resolve("backup.pgdata.zip"));
        DataDirectoryArchive.write(pgdata, archive, null);
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, () -> DataDirectoryArchive.verify(archive));
    }
}
