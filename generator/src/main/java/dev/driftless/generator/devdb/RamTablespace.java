package dev.driftless.generator.devdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tablespace on {@code /dev/shm} for the embedded server's throwaway databases. Creating a table creates several
 * files (heap, TOAST table and index, each index); on the disks of small virtual machines that dominates building a
 * dev database — about 4 ms a table, 8 s of the 10 s it takes for 2 000 entities — while in RAM it is a fraction.
 * The databases are dropped after use, so only a model's worth of empty relations is ever held there.
 *
 * <p>Anything unusual means "no tablespace" and the default one is used: no {@code /dev/shm} (not Linux), less than
 * {@link #MIN_FREE_BYTES} free there (a container's 64 MB default), {@code DRIFTLESS_RAM_SCRATCH=false}, or a
 * server that refuses. A reboot empties {@code /dev/shm}; the stale tablespace is then dropped and made again.
 */
final class RamTablespace {

    static final String NAME = "driftless_scratch";
    private static final long MIN_FREE_BYTES = 2L << 30;
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private RamTablespace() {
    }

    /** The tablespace's name, prepared on {@code server}; empty when throwaway databases should stay where they are. */
    static Optional<String> prepare(EmbeddedServer server) {
        if ("false".equalsIgnoreCase(System.getenv("DRIFTLESS_RAM_SCRATCH")) || !hasRoom()) {
            return Optional.empty();
        }
        Path location = location(server.dataDirectory());
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            Optional<Path> existing = location(connection);
            if (existing.isPresent() && holdsCluster(existing.get())) {
                return Optional.of(NAME);
            }
            if (existing.isPresent()) {
                for (String stale : databasesIn(connection)) {
                    statement.execute("DROP DATABASE IF EXISTS " + quote(stale) + " WITH (FORCE)");
                }
                statement.execute("DROP TABLESPACE " + NAME);
            }
            deleteTree(location);
            Files.createDirectories(location);
            statement.execute("CREATE TABLESPACE " + NAME + " LOCATION '" + location.toString().replace("'", "''") + "'");
            return Optional.of(NAME);
        } catch (SQLException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where the tablespace of the server on {@code dataDirectory} lives (whether it exists or not). */
    static Path location(Path dataDirectory) {
        return SHARED_MEMORY.resolve("driftless-" + shortHash(dataDirectory));
    }

    private static boolean hasRoom() {
        try {
            return Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                    && Files.getFileStore(SHARED_MEMORY).getUsableSpace() >= MIN_FREE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> location(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT pg_tablespace_location(oid) FROM pg_tablespace WHERE spcname = ?")) {
            query.setString(1, NAME);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(Path.of(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /** PostgreSQL keeps a {@code PG_<version>_<catalog>} directory in every tablespace location it uses. */
    private static boolean holdsCluster(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(location)) {
            return entries.anyMatch(e -> e.getFileName().toString().startsWith("PG_"));
        }
    }

    private static List<String> databasesIn(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT d.datname FROM pg_database d"
                + " JOIN pg_tablespace t ON t.oid = d.dattablespace WHERE t.spcname = ?")) {
            query.setString(1, NAME);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String shortHash(Path dataDirectory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(dataDirectory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
