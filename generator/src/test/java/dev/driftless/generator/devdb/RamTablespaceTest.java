package dev.driftless.generator.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throwaway databases in RAM: where they land, and that an emptied /dev/shm (a reboot) is survived. */
class RamTablespaceTest {

    @TempDir
    Path temp;

    private static String tablespaceOf(EmbeddedServer server, String database) throws Exception {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT t.spcname FROM pg_database d JOIN pg_tablespace t ON t.oid = d.dattablespace"
                     + " WHERE d.datname = '" + database + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void createATable(EmbeddedServer server, String database) throws Exception {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id bigint PRIMARY KEY, note varchar(4000))");
        }
    }

    @Test
    void scratchDatabasesGoToRamAndComeBackAfterRamIsEmptied() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/dev/shm")) && Files.getFileStore(Path.of("/dev/shm")).getUsableSpace() > (2L << 30),
                "this machine has no /dev/shm with room: throwaway databases stay in the default tablespace");
        assumeTrue(!"false".equalsIgnoreCase(System.getenv("DRIFTLESS_RAM_SCRATCH")));
        Path data = temp.resolve("data");
        Path ram;
        try (EmbeddedServer server = EmbeddedServer.start(data, false)) {
            server.createScratchDatabase("scratch_a");
            createATable(server, "scratch_a");
            assertEquals(RamTablespace.NAME, tablespaceOf(server, "scratch_a"));
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_tablespace_location(oid) FROM pg_tablespace WHERE spcname = '"
                         + RamTablespace.NAME + "'")) {
                rs.next();
                ram = Path.of(rs.getString(1));
            }
            server.createDatabaseIfMissing("kept");
            assertEquals("pg_default", tablespaceOf(server, "kept"), "only throwaway databases go to RAM");
        }
        RamTablespace.deleteTree(ram); // what a reboot does to /dev/shm, with scratch_a still registered in it

        try (EmbeddedServer server = EmbeddedServer.start(data, false)) {
            server.createScratchDatabase("scratch_b");
            createATable(server, "scratch_b");
            assertEquals(RamTablespace.NAME, tablespaceOf(server, "scratch_b"));
            server.dropDatabase("scratch_b");
        } finally {
            RamTablespace.deleteTree(ram);
        }
    }
}
