package dev.driftless.api;

import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.generator.devdb.ScratchDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The server that holds throwaway databases for a command (the model's DDL, check re-printing, replays): the one given
 * as dev-url, else the target's own server when it is the embedded one, else an embedded server of driftless's own
 * under {@code .driftless/}. That last one is started the first time a database is asked for, so a command whose
 * results all come from the cache never pays for its start, and stopped when the command ends.
 */
final class DevServer implements AutoCloseable, ScratchDatabases {

    private final Config config;
    private final EmbeddedServer targetServer;
    private final Path embeddedData;
    private final java.util.function.Consumer<String> progress;
    private ScratchDatabases databases;
    private EmbeddedServer started;

    private DevServer(Config config, EmbeddedServer targetServer, Path embeddedData,
                      java.util.function.Consumer<String> progress) {
        this.progress = progress;
        this.config = config;
        this.targetServer = targetServer;
        this.embeddedData = embeddedData;
    }

    /** For diff and validate: the target's own server when it is the embedded one, else {@code .driftless/devdb}. */
    static DevServer forTarget(Config config, Target target, java.util.function.Consumer<String> progress) {
        return new DevServer(config, target.embeddedServer(), config.dataDirectory().resolve("devdb"), progress);
    }

    /** For check, which works offline: dev-url, else {@code .driftless/check}. */
    static DevServer forCheck(Config config, java.util.function.Consumer<String> progress) {
        return new DevServer(config, null, config.dataDirectory().resolve("check"), progress);
    }

    private ScratchDatabases databases() {
        if (databases != null) {
            return databases;
        }
        if (config.devUrl() != null) {
            databases = ScratchDatabases.onServer(config.devUrl(), new Properties());
        } else if (targetServer != null) {
            databases = ScratchDatabases.on(targetServer);
        } else {
            try {
                started = EmbeddedServer.start(embeddedData, false, progress);
            } catch (IOException | RuntimeException e) {
                throw new DriftlessException(ExitCode.FAILURE, "could not start the embedded dev database: " + e.getMessage(), e);
            }
            databases = ScratchDatabases.on(started);
        }
        return databases;
    }

    @Override
    public void create(String name) {
        databases().create(name);
    }

    @Override
    public Connection connect(String name) throws SQLException {
        return databases().connect(name);
    }

    @Override
    public void drop(String name) {
        databases().drop(name);
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
