package dev.driftless.generator.devdb;

import dev.driftless.generator.devdb.PostgresCommands.ProcessResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Creates a cluster with {@code initdb}: superuser {@link EmbeddedServer#SUPERUSER}, trust authentication, UTF-8. */
final class Initdb {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Initdb() {
    }

    /**
     * Creates a cluster in {@code dataDir}, which must be absent or an empty directory.
     *
     * @param durable {@code false} skips syncing the new cluster to disk ({@code --no-sync})
     */
    static void create(PostgresCommands commands, Path dataDir, boolean durable) throws IOException {
        requireAbsentOrEmpty(dataDir);
        // initdb into a sibling and rename: a killed initdb never leaves a half-made cluster at dataDir.
        Path staging = dataDir.resolveSibling(dataDir.getFileName() + ".initdb-" + UUID.randomUUID());
        List<String> command = commands.command("initdb", "-D", staging.toString(), "-A", "trust",
                "-U", EmbeddedServer.SUPERUSER, "-E", "UTF-8", "--no-locale", "--no-instructions");
        if (!durable) {
            command.add("--no-sync");
        }
        ProcessResult result;
        try {
            result = PostgresCommands.run(command, TIMEOUT);
        } catch (IOException e) {
            PostgresBinaries.deleteTree(staging);
            throw new IOException("could not start the embedded PostgreSQL in " + dataDir + ": initdb failed: "
                    + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            PostgresBinaries.deleteTree(staging);
            throw new IOException("could not start the embedded PostgreSQL in " + dataDir + ": initdb failed ("
                    + result.describeExit() + "): " + ServerLog.tail(result.output()));
        }
        Files.deleteIfExists(dataDir); // empty directory, if present
        try {
            Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            PostgresBinaries.deleteTree(staging);
            throw e;
        }
    }

    private static void requireAbsentOrEmpty(Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("could not start the embedded PostgreSQL in " + dataDir
                            + ": the directory is not empty but holds no PostgreSQL cluster (no PG_VERSION);"
                            + " delete it or choose another data directory");
                }
            }
        } else if (Files.exists(dataDir)) {
            throw new IOException("could not start the embedded PostgreSQL in " + dataDir + ": it is not a directory");
        }
    }
}
