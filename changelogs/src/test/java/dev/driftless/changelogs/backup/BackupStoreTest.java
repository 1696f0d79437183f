package dev.driftless.changelogs.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup directory on a real file system: permissions, unique names, order, per-database pruning, leftovers. */
class BackupStoreTest {

    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");
    private static final BackupIdentity TRADING = new BackupIdentity("db.example.com:5432", "trading");
    private static final BackupIdentity BILLING = new BackupIdentity("db.example.com:5432", "billing");

    @TempDir
    Path root;

    private BackupFile take(BackupStore store, BackupIdentity identity, String content) throws IOException {
        BackupStore.Pending pending = store.reserve(BackupFile.Kind.DUMP, identity, "before-apply", NOON);
        Files.writeString(pending.partial(), content);
        return store.commit(pending);
    }

    @Test
    void backupsAndTheirFolderAreReadableByTheirOwnerOnly() throws IOException {
        Path directory = Files.createDirectories(root.resolve("backups"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        BackupStore store = new BackupStore(directory);
        BackupStore.Pending pending = store.reserve(BackupFile.Kind.DUMP, TRADING, null, NOON);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pending.partial())),
                "owner-only before a byte is written");
        Files.writeString(pending.partial(), "data");
        BackupFile backup = store.commit(pending);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(".gitignore"))));
    }

    @Test
    void backupsTakenInTheSameInstantGetTheirOwnFilesAndSortNewestFirst() throws IOException {
        BackupStore store = new BackupStore(root);
        BackupStore.Pending first = store.reserve(BackupFile.Kind.DUMP, TRADING, "before-apply", NOON);
        BackupStore.Pending second = store.reserve(BackupFile.Kind.DUMP, TRADING, "before-apply", NOON);
        assertNotEquals(first.partial(), second.partial(), "no shared temporary file");
        assertNotEquals(first.target(), second.target(), "no shared name");
        Files.writeString(first.partial(), "first");
        Files.writeString(second.partial(), "second");
        store.commit(second);
        store.commit(first);

        List<BackupFile> listed = store.list();
        assertEquals(List.of("second", "first"), contents(listed), "the one reserved later is the newer");
        List<BackupFile> deleted = store.prune(1, TRADING);
        assertEquals(List.of("first"), deleted.stream().map(b -> b.path().getFileName().toString())
                .map(n -> n.equals(first.target().getFileName().toString()) ? "first" : "?").toList());
        assertEquals(List.of("second"), contents(store.list()), "--keep 1 keeps the newer");
    }

    @Test
    void keepPrunesOnlyTheSameDatabasesBackups() throws IOException {
        BackupStore store = new BackupStore(root);
        take(store, BILLING, "billing");
        take(store, TRADING, "trading 1");
        take(store, TRADING, "trading 2");
        take(store, TRADING, "trading 3");

        store.prune(1, TRADING);
        assertEquals(List.of("trading 3", "billing"), contents(store.list()));
        assertEquals(TRADING, store.list().get(0).identity(), "the name says which database");
        assertEquals(BILLING, store.list().get(1).identity());
    }

    @Test
    void partialFilesOfKilledRunsAreListedAsStaleAndPruned() throws Exception {
        BackupStore store = new BackupStore(root);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(root.resolve("driftless-20261207-120000-000000-p" + gone.pid()
                + "-trading@db.example.com%3A5432.dump.partial"), "half a dump");
        BackupStore.Pending running = store.reserve(BackupFile.Kind.DUMP, TRADING, null, NOON);

        List<BackupStore.Unfinished> unfinished = store.unfinished();
        assertEquals(2, unfinished.size(), unfinished::toString);
        assertTrue(unfinished.stream().anyMatch(u -> u.path().equals(stale) && u.stale()), unfinished::toString);
        assertTrue(unfinished.stream().anyMatch(u -> u.path().equals(running.partial()) && !u.stale()),
                "this process is alive: its partial file is being written");
        assertEquals(List.of(), store.list(), "a partial file is never a backup");

        store.prune(3, TRADING);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(running.partial()));
    }

    @Test
    void theIdentityOfAUrlSurvivesTheFileName() {
        BackupIdentity odd = BackupIdentity.ofUrl("jdbc:postgresql://DB.example.com/my-db%20two?sslmode=require", "app");
        assertEquals(new BackupIdentity("db.example.com:5432", "my-db two"), odd);
        assertTrue(odd.tag().matches(BackupIdentity.TAG_PATTERN), odd.tag());
        assertEquals(odd, BackupIdentity.fromTag(odd.tag()).orElseThrow());
        assertEquals(new BackupIdentity("localhost:5433", "app"), BackupIdentity.ofUrl("jdbc:postgresql://localhost:5433/", "app"));
    }

    @Test
    void backupsNamedBeforeIdentitiesAreStillListed() throws IOException {
        Files.writeString(root.resolve("driftless-20261121-221530-before-apply.dump"), "old");
        BackupFile old = new BackupStore(root).list().get(0);
        assertEquals(Instant.parse("2026-11-21T22:15:30Z"), old.created());
        assertEquals(null, old.identity());
        assertFalse(old.of(TRADING));
    }

    private static List<String> contents(List<BackupFile> backups) {
        return backups.stream().map(b -> {
            try {
                return Files.readString(b.path());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
