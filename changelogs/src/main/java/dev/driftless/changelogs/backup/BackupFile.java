package dev.driftless.changelogs.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One backup in the backup directory.
 *
 * @param created  when it was taken (from its name)
 * @param identity the database it holds (from its name); {@code null} for a backup named before names carried it
 */
public record BackupFile(Path path, long size, Instant created, Kind kind, BackupIdentity identity) {

    /** How the backup was taken, and so how it is restored. */
    public enum Kind {
        /** {@code pg_dump --format=custom} of one database on a server; restored with {@code pg_restore}. */
        DUMP(".dump"),
        /** A zip of the embedded server's stopped data directory; restored by putting the files back. */
        DATA_DIRECTORY(".pgdata.zip");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    public BackupFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether this is a backup of {@code database}; a backup of unknown identity is of none. */
    public boolean of(BackupIdentity database) {
        return database.equals(identity);
    }
}
