package dev.driftless.api;

import dev.driftless.changelogs.backup.BackupException;
import dev.driftless.changelogs.backup.BackupFile;
import dev.driftless.changelogs.backup.BackupIdentity;
import dev.driftless.changelogs.backup.BackupStore;
import dev.driftless.changelogs.backup.DataDirectoryArchive;
import dev.driftless.changelogs.backup.PgDump;
import dev.driftless.generator.devdb.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Backs up and restores the target: {@code pg_dump}/{@code pg_restore} for a server given by URL, a copy of the
 * stopped data directory for the embedded default database (whose binaries have no pg_dump). Each backup is named
 * after the database it holds, written under a {@code .partial} name, checked, and only then given its name.
 */
final class TargetBackups {

    private final Config config;
    private final Clock clock;
    private final Consumer<String> progress;
    private final BackupStore store;

    TargetBackups(Config config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
        this.store = new BackupStore(config.runner().backupDirectory());
    }

    BackupStore store() {
        return store;
    }

    /** The database this configuration backs up. */
    BackupIdentity identity() {
        try {
            return config.url() == null ? BackupIdentity.EMBEDDED : BackupIdentity.ofUrl(config.url(), config.user());
        } catch (BackupException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    /** Takes a backup now. The embedded server must not be running in this process (a leftover one is stopped). */
    BackupFile backup(String label) {
        try {
            return config.url() == null ? backupEmbedded(label) : backupRemote(label);
        } catch (BackupException e) {
            throw new DriftlessException(ExitCode.FAILURE, "backup failed: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the target's contents with {@code backup}. The caller has checked {@link #requireSameDatabase}, taken
     * a safety backup and asked.
     */
    void restore(BackupFile backup) {
        if (config.url() == null) {
            restoreEmbedded(backup);
            return;
        }
        if (backup.kind() != BackupFile.Kind.DUMP) {
            throw new DriftlessException(ExitCode.USAGE, backup.path().getFileName() + " is a copy of the embedded"
                    + " database's files; a server given by URL restores only pg_dump backups (.dump)");
        }
        progress.accept("restoring " + backup.path().getFileName() + " with pg_restore");
        pgDump().restore(backup.path(), config.url(), config.user(), config.password(), config.runner().lockTimeout(),
                progress);
    }

    /** Refuses, before the safety backup, a restore of another database's backup that was not asked for. */
    void requireSameDatabase(BackupFile backup, boolean fromOtherDatabase) {
        BackupIdentity target = identity();
        if (backup.identity() == null) {
            progress.accept(backup.path().getFileName() + " does not say which database it holds (an older backup);"
                    + " restoring it over " + target);
            return;
        }
        if (!backup.of(target) && !fromOtherDatabase) {
            throw new DriftlessException(ExitCode.USAGE, backup.path().getFileName() + " is a backup of "
                    + backup.identity() + ", not of " + target + ": pass --from-other-database to restore it here");
        }
    }

    private void restoreEmbedded(BackupFile backup) {
        if (backup.kind() != BackupFile.Kind.DATA_DIRECTORY) {
            throw new DriftlessException(ExitCode.USAGE, backup.path().getFileName() + " is a pg_dump of a server;"
                    + " the target is the embedded database, which restores only its own data-directory backups");
        }
        Path pgdata = embeddedData();
        try {
            EmbeddedServer.stopLeftoverServer(pgdata);
            DataDirectoryArchive.restore(backup.path(), pgdata, EmbeddedServer.scratchTablespaceLocation(pgdata));
        } catch (IOException e) {
            throw new DriftlessException(ExitCode.FAILURE, "cannot restore " + backup.path() + ": " + e.getMessage(), e);
        }
    }

    private BackupFile backupEmbedded(String label) {
        Path pgdata = embeddedData();
        if (!Files.isDirectory(pgdata)) {
            throw new DriftlessException(ExitCode.USAGE, "nothing to back up: the embedded database under "
                    + config.dataDirectory() + " has not been created yet");
        }
        BackupStore.Pending pending = store.reserve(BackupFile.Kind.DATA_DIRECTORY, identity(), label, clock.instant());
        progress.accept("copying the stopped embedded data directory to " + pending.target().getFileName());
        try {
            EmbeddedServer.stopLeftoverServer(pgdata);
            DataDirectoryArchive.write(pgdata, pending.partial(), EmbeddedServer.scratchTablespaceLocation(pgdata));
            DataDirectoryArchive.verify(pending.partial());
        } catch (IOException e) {
            store.abandon(pending);
            throw new DriftlessException(ExitCode.FAILURE, "cannot back up the embedded database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            store.abandon(pending);
            throw e;
        }
        return store.commit(pending);
    }

    private BackupFile backupRemote(String label) {
        PgDump pgDump = pgDump();
        BackupStore.Pending pending = store.reserve(BackupFile.Kind.DUMP, identity(), label, clock.instant());
        progress.accept("pg_dump " + pgDump.major() + " → " + pending.target().getFileName());
        try {
            pgDump.dump(config.url(), config.user(), config.password(), pending.partial(), config.runner().lockTimeout());
        } catch (RuntimeException e) {
            store.abandon(pending);
            throw e;
        }
        return store.commit(pending);
    }

    private PgDump pgDump() {
        int serverMajor;
        try (Target target = Target.open(config); Connection connection = target.connect()) {
            serverMajor = connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
        }
        try {
            return PgDump.locate(config.runner().pgDump(), serverMajor, System.getenv("PATH"));
        } catch (BackupException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private Path embeddedData() {
        return config.dataDirectory().resolve("pgdata");
    }
}
