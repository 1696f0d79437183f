package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backup directory. A backup's name says when it was taken (to the microsecond), by which process, of which
 * database, and why: {@code driftless-20261121-221530-123456-p4242-trading@db.example.com%3A5432-before-apply.dump}.
 * It is written under that name plus {@code .partial} and moved into place only when complete, so a listed backup
 * is always whole. The directory and every file in it are readable by their owner only (backups hold production
 * data), and a {@code .gitignore} of its own keeps them out of commits.
 */
public final class BackupStore {

    private static final String STAMP_FORMAT = "yyyyMMdd-HHmmss-SSSSSS";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern(STAMP_FORMAT).withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("driftless-(\\d{8}-\\d{6}-\\d{6})-p(\\d+)-("
            + BackupIdentity.TAG_PATTERN + ")(?:-[a-z0-9-]+)?(\\.dump|\\.pgdata\\.zip)");
    /** Names before they carried the database: read (as of an unknown database) but never written. */
    private static final Pattern OLD_NAME =
            Pattern.compile("driftless-(\\d{8}-\\d{6})(?:-\\d+)?(?:-[a-z0-9-]+)?(\\.dump|\\.pgdata\\.zip)");
    private static final String PARTIAL = ".partial";
    /** A partial file this old is stale even if a process with its pid runs (pids are reused); a dump grows, so
     *  one being written is never this old. */
    private static final Duration STALE_AFTER = Duration.ofHours(24);
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;

    public BackupStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** A backup being written: the {@code partial} file (created, empty, owner-only) and the name it will get. */
    public record Pending(Path partial, Path target) {
    }

    /** A {@code .partial} file: a backup being written, or left by a run that was killed ({@code stale}). */
    public record Unfinished(Path path, long size, boolean stale) {
    }

    /**
     * Creates an empty owner-only {@code .partial} file under a name no other backup has or will have (the time to
     * the microsecond and this process's id; a clash is retried with the next microsecond).
     *
     * @param label why ("before-apply", "before-restore"), may be null
     */
    public Pending reserve(BackupFile.Kind kind, BackupIdentity identity, String label, Instant now) {
        prepareDirectory();
        String suffix = "-p" + ProcessHandle.current().pid() + "-" + identity.tag() + (label == null ? "" : "-" + label)
                + kind.extension();
        for (Instant at = now; ; at = at.plusNanos(1000)) {
            Path target = directory.resolve("driftless-" + STAMP.format(at) + suffix);
            Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
            if (Files.exists(target)) {
                continue;
            }
            try {
                createOwnerOnly(partial);
                return new Pending(partial, target);
            } catch (FileAlreadyExistsException e) {
                // taken by a backup of this process in the same microsecond: try the next one
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write in the backup directory " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    /** Gives a complete backup its name, atomically: a reader sees either no backup or all of it. */
    public BackupFile commit(Pending pending) {
        try {
            Files.move(pending.partial(), pending.target(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            abandon(pending);
            throw new BackupException("cannot move the backup into place at " + pending.target() + ": " + e.getMessage(), e);
        }
        return read(pending.target()).orElseThrow(() -> new IllegalStateException("not a backup name: " + pending.target()));
    }

    /** Deletes a backup that failed half-way. */
    public void abandon(Pending pending) {
        try {
            Files.deleteIfExists(pending.partial());
        } catch (IOException e) {
            // the next listing shows it as stale, and the next prune deletes it
        }
    }

    /** The backups of every database, newest first; files that are not driftless backups are ignored. */
    public List<BackupFile> list() {
        record Listed(BackupFile backup, FileTime modified) {
        }
        List<Listed> listed = new ArrayList<>();
        for (Path file : files()) {
            Optional<BackupFile> backup = read(file);
            if (backup.isPresent()) {
                listed.add(new Listed(backup.get(), modified(file)));
            }
        }
        // The name's time first; the file's time only breaks a tie (backups named by a fixed or coarse clock).
        listed.sort(Comparator.comparing((Listed l) -> l.backup().created()).thenComparing(Listed::modified)
                .thenComparing(l -> l.backup().path().getFileName().toString()).reversed());
        return listed.stream().map(Listed::backup).toList();
    }

    /** The backups of {@code identity}, newest first. */
    public List<BackupFile> list(BackupIdentity identity) {
        return list().stream().filter(b -> b.of(identity)).toList();
    }

    /** The {@code .partial} files of backups: being written now, or left behind by a killed run (stale). */
    public List<Unfinished> unfinished() {
        List<Unfinished> found = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.startsWith("driftless-") && name.endsWith(PARTIAL)) {
                found.add(new Unfinished(file, size(file), stale(file)));
            }
        }
        return List.copyOf(found);
    }

    /**
     * Deletes all but the newest {@code keep} backups of {@code identity} (other databases' backups are left alone),
     * and stale partial files; returns the deleted backups.
     */
    public List<BackupFile> prune(int keep, BackupIdentity identity) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least 1 backup, not " + keep);
        }
        deleteStale();
        List<BackupFile> mine = list(identity);
        List<BackupFile> deleted = new ArrayList<>();
        for (BackupFile old : mine.subList(Math.min(keep, mine.size()), mine.size())) {
            delete(old.path());
            deleted.add(old);
        }
        return List.copyOf(deleted);
    }

    /** Deletes the partial files killed runs left; returns them. */
    public List<Unfinished> deleteStale() {
        List<Unfinished> stale = unfinished().stream().filter(Unfinished::stale).toList();
        stale.forEach(u -> delete(u.path()));
        return stale;
    }

    /** The backup at {@code file}, when it is one (by its name). */
    public static Optional<BackupFile> read(Path file) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        Matcher old = OLD_NAME.matcher(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Path path = file.toAbsolutePath().normalize();
        if (m.matches()) {
            return Optional.of(new BackupFile(path, size(file), instant(m.group(1), STAMP_FORMAT), kind(m.group(4)),
                    BackupIdentity.fromTag(m.group(3)).orElse(null)));
        }
        if (old.matches()) {
            return Optional.of(new BackupFile(path, size(file), instant(old.group(1), "yyyyMMdd-HHmmss"), kind(old.group(2)),
                    null));
        }
        return Optional.empty();
    }

    private void prepareDirectory() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
            }
            ownerOnly(directory, OWNER_ONLY_DIRECTORY);
            Path ignore = directory.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                createOwnerOnly(ignore);
                Files.writeString(ignore, "# Backups hold production data: never commit them.\n*\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code file} (it must not exist) with no permission for anyone but its owner from the start. */
    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system (Windows): its ACLs are inherited from the directory
        }
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private static boolean stale(Path partial) {
        Matcher pid = Pattern.compile("-p(\\d+)-").matcher(partial.getFileName().toString());
        boolean writerAlive = pid.find() && ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false);
        return !writerAlive || modified(partial).toInstant().isBefore(Instant.now().minus(STALE_AFTER));
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(String stamp, String format) {
        return LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern(format)).toInstant(ZoneOffset.UTC);
    }

    private static BackupFile.Kind kind(String extension) {
        return extension.equals(BackupFile.Kind.DUMP.extension()) ? BackupFile.Kind.DUMP : BackupFile.Kind.DATA_DIRECTORY;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
