package dev.driftless.api;

import dev.driftless.changelogs.backup.BackupException;
import dev.driftless.changelogs.backup.BackupFile;
import dev.driftless.changelogs.backup.BackupStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code driftless backup}, {@code backups} and {@code restore}: the backup directory as the facade shows it, and a
 * restore that takes a safety backup of the current state first.
 */
final class Backups {

    private final TargetBackups backups;
    private final Consumer<String> progress;

    Backups(Config config, Clock clock, Consumer<String> progress) {
        this.backups = new TargetBackups(config, clock, progress);
        this.progress = progress;
    }

    /** @param keep keep only the newest this many backups of this database; {@code null} keeps all */
    Driftless.BackupResult backup(Integer keep) {
        BackupFile file = backups.backup(null);
        List<BackupFile> deleted = keep == null ? List.of() : backups.store().prune(keep, backups.identity());
        return new Driftless.BackupResult(file, deleted);
    }

    List<BackupFile> list() {
        return backups.store().list();
    }

    Driftless.BackupListing listing() {
        return new Driftless.BackupListing(backups.store().list(), backups.store().unfinished(), backups.identity());
    }

    /** @param fromOtherDatabase restore even a backup named after another database (else refused, exit 2) */
    Driftless.RestoreResult restore(Path file, boolean fromOtherDatabase) {
        BackupFile backup = BackupStore.read(file).orElseThrow(() -> new DriftlessException(ExitCode.USAGE,
                file + " is not a driftless backup (driftless backups lists them)"));
        backups.requireSameDatabase(backup, fromOtherDatabase);
        BackupFile safety = backups.backup("before-restore");
        progress.accept("safety backup of the current state: " + safety.path());
        try {
            backups.restore(backup);
        } catch (BackupException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage() + " (the safety backup is " + safety.path() + ")", e);
        }
        return new Driftless.RestoreResult(backup, safety);
    }
}
