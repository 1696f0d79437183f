package dev.driftless.generator.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Results that are pure functions of their inputs (the schema a model creates, what a changelog holds), kept in files
 * under {@code .driftless/cache} and found by a {@link Fingerprint} of those inputs. A missing, unreadable or foreign
 * file is a miss, never an error: the caller computes the result again. Only the newest few of a kind are kept.
 *
 * <p>The values are Java-serialized records; reading accepts only driftless's own classes and the JDK's collections,
 * so a planted file cannot instantiate anything else.
 */
public final class DerivedCache {

    private static final int KEEP_PER_KIND = 4;
    private static final ObjectInputFilter ONLY_OUR_VALUES = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;dev.driftless.**;"
                    + "java.util.ImmutableCollections$*;java.util.CollSer;java.util.ArrayList;java.util.Collections$*;"
                    + "java.lang.Enum;java.lang.String;java.lang.Number;java.lang.Long;java.lang.Integer;java.lang.Boolean;"
                    + "java.lang.Object;!*");

    private final Path directory;

    public DerivedCache(Path directory) {
        this.directory = directory;
    }

    /** The cache of a project: {@code cache/} under its data directory ({@code .driftless/cache}). */
    public static DerivedCache of(Path dataDirectory) {
        return new DerivedCache(dataDirectory.resolve("cache"));
    }

    /** A cache that never hits and keeps nothing (for callers with no project directory). */
    public static DerivedCache none() {
        return new DerivedCache(null);
    }

    public <T extends Serializable> Optional<T> get(String kind, String key, Class<T> type) {
        if (directory == null) {
            return Optional.empty();
        }
        Path file = file(kind, key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_OUR_VALUES);
            Object value = objects.readObject();
            if (!type.isInstance(value)) {
                return Optional.empty();
            }
            touch(file);
            return Optional.of(type.cast(value));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty(); // written by another driftless, truncated, or tampered with: computed again
        }
    }

    /** Stores {@code value}; a failure to write only costs the next run the time to compute it again. */
    public <T extends Serializable> void put(String kind, String key, T value) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, kind + "-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary); ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(value);
            }
            move(temporary, file(kind, key));
            prune(kind);
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation: the result stands without it
        }
    }

    private Path file(String kind, String key) {
        return directory.resolve(kind + "-" + key + ".bin");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The newest ones are the ones used last: a hit refreshes the time, so switching branches back and forth keeps both. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the pruning order suffers
        }
    }

    private void prune(String kind) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(f -> isEntryOf(kind, f)).sorted(newestFirst()).toList();
        }
        for (Path stale : entries.subList(Math.min(KEEP_PER_KIND, entries.size()), entries.size())) {
            Files.deleteIfExists(stale);
        }
    }

    private static boolean isEntryOf(String kind, Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(kind + "-") && name.endsWith(".bin");
    }

    private static Comparator<Path> newestFirst() {
        return Comparator.comparing((Path f) -> {
            try {
                return Files.getLastModifiedTime(f);
            } catch (IOException e) {
                return FileTime.fromMillis(0);
            }
        }).reversed();
    }
}
