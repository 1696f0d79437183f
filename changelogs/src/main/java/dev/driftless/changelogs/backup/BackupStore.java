package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backup directory: timestamped names ({@code driftless-20261121-221530-before-apply.dump}), newest first,
 * pruned to the newest N, and git-ignored by a {@code .gitignore} of its own so a dump never lands in a commit.
 */
public final class BackupStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("driftless-(\\d{8}-\\d{6})(?:-\\d+)?(?:-[a-z0-9-]+)?(\\.dump|\\.pgdata\\.zip)");

    private final Path directory;

    public BackupStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** A fresh path for a backup taken now; {@code label} says why ("before-apply", "before-restore"), may be null. */
    public Path newFile(BackupFile.Kind kind, String label, Instant now) {
        try {
            Files.createDirectories(directory);
            Path ignore = directory.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.writeString(ignore, "# Backups hold production data: never commit them.\n*\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory " + directory + ": " + e.getMessage(), e);
        }
        String base = "driftless-" + STAMP.format(now);
        String suffix = (label == null ? "" : "-" + label) + kind.extension();
        Path file = directory.resolve(base + suffix);
        for (int i = 2; Files.exists(file); i++) {
            file = directory.resolve(base + "-" + i + suffix);
        }
        return file;
    }

    /** The backups, newest first; files that are not driftless backups are ignored. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<BackupFile> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                read(file).ifPresent(backups::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        backups.sort(Comparator.comparing(BackupFile::created).thenComparing(b -> b.path().getFileName().toString()).reversed());
        return List.copyOf(backups);
    }

    /** Deletes all but the newest {@code keep} backups; returns the deleted ones. */
    public List<BackupFile> prune(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least 1 backup, not " + keep);
        }
        List<BackupFile> all = list();
        List<BackupFile> deleted = new ArrayList<>();
        for (BackupFile old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old.path());
                deleted.add(old);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the old backup " + old.path() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(deleted);
    }

    /** The backup at {@code file}, when it is one (by its name). */
    public static Optional<BackupFile> read(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Instant created = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")).toInstant(ZoneOffset.UTC);
        BackupFile.Kind kind = m.group(2).equals(BackupFile.Kind.DUMP.extension()) ? BackupFile.Kind.DUMP : BackupFile.Kind.DATA_DIRECTORY;
        try {
            return Optional.of(new BackupFile(file.toAbsolutePath().normalize(), Files.size(file), created, kind));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
