package dev.driftless.generator.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.model.Column;
import dev.driftless.model.Identity;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.model.Table;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivedCacheTest {

    @TempDir
    Path directory;

    private static Schema schema() {
        Table table = new Table(QualifiedName.of("public", "accounts"),
                List.of(new Column("id", "bigint", false, null, Identity.BY_DEFAULT, "the key")),
                null, List.of(), List.of(), List.of(), List.of(), "accounts");
        return new Schema(List.of("public"), List.of(table), List.of(), List.of());
    }

    @Test
    void aStoredValueComesBackEqual() {
        DerivedCache cache = new DerivedCache(directory);
        cache.put("ddl", "k1", schema());
        assertEquals(schema(), cache.get("ddl", "k1", Schema.class).orElseThrow());
    }

    @Test
    void anotherKeyOrKindOrTypeIsAMiss() {
        DerivedCache cache = new DerivedCache(directory);
        cache.put("ddl", "k1", schema());
        assertTrue(cache.get("ddl", "k2", Schema.class).isEmpty());
        assertTrue(cache.get("model", "k1", Schema.class).isEmpty());
        assertTrue(cache.get("ddl", "k1", QualifiedName.class).isEmpty());
    }

    @Test
    void aTruncatedFileIsAMissNotAnError() throws IOException {
        DerivedCache cache = new DerivedCache(directory);
        cache.put("ddl", "k1", schema());
        Path file = directory.resolve("ddl-k1.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(cache.get("ddl", "k1", Schema.class).isEmpty());
    }

    /** Not one of ours: a planted file must not get to instantiate it. */
    record Foreign(String text) implements Serializable {
    }

    @Test
    void aFileHoldingAnyOtherClassIsRefused() throws IOException {
        Path file = directory.resolve("ddl-k1.bin");
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new java.util.HashMap<>(java.util.Map.of("a", new java.util.Date())));
        }
        assertTrue(new DerivedCache(directory).get("ddl", "k1", Serializable.class).isEmpty());
    }

    @Test
    void onlyTheNewestFewOfAKindAreKept() throws IOException {
        DerivedCache cache = new DerivedCache(directory);
        for (int i = 0; i < 7; i++) {
            cache.put("ddl", "k" + i, schema());
            Files.setLastModifiedTime(directory.resolve("ddl-k" + i + ".bin"),
                    java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.put("model", "m", schema());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        assertEquals(List.of("ddl-k3.bin", "ddl-k4.bin", "ddl-k5.bin", "ddl-k6.bin", "model-m.bin"),
                names.stream().sorted().toList());
    }

    @Test
    void noDirectoryMeansNoCache() {
        DerivedCache none = DerivedCache.none();
        none.put("ddl", "k1", schema());
        assertFalse(none.get("ddl", "k1", Schema.class).isPresent());
    }
}
