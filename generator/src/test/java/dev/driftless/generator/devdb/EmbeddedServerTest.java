package dev.driftless.generator.devdb;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedServerTest {

    @TempDir
    Path temp;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = temp.resolve("data");
        try (EmbeddedServer server = EmbeddedServer.start(data, false)) {
            assertTrue(Files.exists(data.resolve("PG_VERSION")));
            assertEquals("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", server.jdbcUrl("postgres"));
            assertEquals("postgres", server.user());
            try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY, label text)");
                statement.execute("INSERT INTO kept VALUES (1, 'one')");
            }
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "close() stops the server");

        try (EmbeddedServer server = EmbeddedServer.start(data, false)) {
            assertEquals("one", queryString(server, "postgres", "SELECT label FROM kept WHERE id = 1"));
            assertEquals("UTF8", queryString(server, "postgres", "SHOW server_encoding"));
        }
    }

    @Test
    void durableServerKeepsFsyncOn() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(temp.resolve("data"))) {
            assertEquals("on", queryString(server, "postgres", "SHOW fsync"));
            assertEquals("", queryString(server, "postgres", "SHOW unix_socket_directories"));
            assertEquals("127.0.0.1", queryString(server, "postgres", "SHOW listen_addresses"));
        }
        try (EmbeddedServer server = EmbeddedServer.start(temp.resolve("data"), false)) {
            assertEquals("off", queryString(server, "postgres", "SHOW fsync"));
        }
    }

    @Test
    void aSecondUserOfTheDataDirectoryWaitsInsteadOfStoppingTheFirstOnesServer() throws Exception {
        Path data = temp.resolve("data");
        EmbeddedServer first = EmbeddedServer.start(data, false);
        java.util.concurrent.CompletableFuture<String> told = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<EmbeddedServer> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return EmbeddedServer.start(data, false, told::complete);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            // whichever comes first: the second start says it waits, or (wrongly) it is up already
            java.util.concurrent.CompletableFuture.anyOf(told, second).exceptionally(e -> null).join();
            assertTrue(told.isDone(), "the second start waits for the first user");
            assertTrue(told.get().contains("waiting for another driftless command"), told.get());
            try (Connection connection = first.connect("postgres"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE made_while_the_other_waits (id int)");
            }
            assertFalse(second.isDone(), "the second start waits for the first user");
        } finally {
            first.close();
        }
        try (EmbeddedServer next = second.get()) {
            assertEquals("made_while_the_other_waits",
                    queryString(next, "postgres", "SELECT to_regclass('made_while_the_other_waits')::text"));
        }
    }

    @Test
    void stoppingALeftoverRefusesAServerAnotherUserHolds() throws Exception {
        Path data = temp.resolve("data");
        try (EmbeddedServer running = EmbeddedServer.start(data, false)) {
            IOException refused = assertThrows(IOException.class, () -> EmbeddedServer.stopLeftoverServer(data));
            assertTrue(refused.getMessage().contains("is using the embedded PostgreSQL"), refused::getMessage);
            assertEquals("1", queryString(running, "postgres", "SELECT 1"));
        }
    }

    @Test
    void startsOverTheServerOfAKilledProcess() throws Exception {
        Path data = temp.resolve("data");
        EmbeddedServer abandoned = EmbeddedServer.start(data, false);
        try (Connection connection = abandoned.connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE before_kill (id int)");
        }
        // As if the JVM had been killed: no close(), the server and its postmaster.pid are still there, and the
        // operating system has dropped the process's lock on the data directory.
        assertTrue(Files.exists(data.resolve("postmaster.pid")));
        abandoned.dropLockAsAKilledProcessWould();

        EmbeddedServer successor = EmbeddedServer.start(data, false);
        try {
            assertEquals("before_kill",
                    queryString(successor, "postgres", "SELECT to_regclass('before_kill')::text"));
            assertThrows(SQLException.class, () -> abandoned.connect("postgres").close(),
                    "the leftover server was stopped");

            abandoned.close(); // must not stop the successor's server
            abandoned.close(); // idempotent
            assertEquals("1", queryString(successor, "postgres", "SELECT 1"));
        } finally {
            successor.close();
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")));
    }

    @Test
    void removesAStalePidFileNamingAnUnrelatedProcess() throws Exception {
        Path data = temp.resolve("data");
        EmbeddedServer.start(data, false).close();
        // This JVM's PID: alive, and not a postgres.
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
        try (EmbeddedServer server = EmbeddedServer.start(data, false)) {
            assertEquals("1", queryString(server, "postgres", "SELECT 1"));
        }
    }

    @Test
    void createsDatabasesWithQuotedNames() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(temp.resolve("data"), false)) {
            String odd = "Odd \"name\" 100% +/?&";
            server.createDatabaseIfMissing(odd);
            server.createDatabaseIfMissing(odd); // already there: no error
            assertEquals(odd, queryString(server, odd, "SELECT current_database()"));

            try (Connection connection = server.connect(odd); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE from_template (id int)");
            }
            server.createDatabase("copy", odd);
            assertEquals("from_template",
                    queryString(server, "copy", "SELECT to_regclass('from_template')::text"));
        }
    }

    @Test
    void explainsWhyItCannotUseANonEmptyDirectory() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("notes.txt"), "mine");
        IOException failure = assertThrows(IOException.class, () -> EmbeddedServer.start(data, false));
        assertTrue(failure.getMessage().startsWith("could not start the embedded PostgreSQL in " + data),
                failure.getMessage());
        assertTrue(Files.exists(data.resolve("notes.txt")));
    }

    @Test
    void reportsTheServerLogWhenTheServerDoesNotStart() throws Exception {
        Path data = temp.resolve("data");
        EmbeddedServer.start(data, false).close();
        Files.writeString(data.resolve("postgresql.auto.conf"), "shared_buffers = 'lots'\n");
        IOException failure = assertThrows(IOException.class, () -> EmbeddedServer.start(data, false));
        String message = failure.getMessage();
        assertTrue(message.startsWith("could not start the embedded PostgreSQL in " + data + ": "), message);
        assertTrue(message.contains("shared_buffers"), message);
    }

    @Test
    void freshDatabasesAreSeparate() throws Exception {
        TestDatabase first = TestPostgres.freshDatabase();
        TestDatabase second = TestPostgres.freshDatabase();
        assertNotEquals(first.name(), second.name());
        assertNotEquals(first.url(), second.url());

        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection connection = second.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT current_database(), to_regclass('only_in_first')::text")) {
            assertTrue(rows.next());
            assertEquals(second.name(), rows.getString(1));
            assertNull(rows.getString(2));
        }
    }

    private static String queryString(EmbeddedServer server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }
}
