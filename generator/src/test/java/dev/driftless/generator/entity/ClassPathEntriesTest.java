package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathEntriesTest {

    @TempDir
    Path base;

    private Path jar(String name) throws IOException {
        Path file = base.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write(1);
        }
        return file;
    }

    @Test
    void aColonJoinedStringAListAFolderOfJarsAndAGlob() throws IOException {
        Path a = jar("libs/a.jar");
        Path b = jar("libs/b.jar");
        Path c = jar("other/deep/c.jar");
        Files.createDirectories(base.resolve("classes"));

        assertEquals(List.of(a, b), ClassPathEntries.parse(base, "libs/a.jar:libs/b.jar", "classpath"));
        assertEquals(List.of(a, c), ClassPathEntries.parse(base, List.of("libs/a.jar", "other/deep/c.jar"), "classpath"));
        assertEquals(List.of(base.resolve("libs"), a, b), ClassPathEntries.parse(base, "libs", "classpath"));
        assertEquals(List.of(a, b), ClassPathEntries.parse(base, "libs/*.jar", "classpath"));
        assertEquals(List.of(c), ClassPathEntries.parse(base, "other/**/*.jar", "classpath"));
        assertEquals(List.of(base.resolve("classes")), ClassPathEntries.parse(base, "classes", "classpath"));
    }

    @Test
    void aMissingEntryAnEmptyGlobAndANonJarAreErrorsNamingThem() throws IOException {
        var missing = assertThrows(ClassPathEntries.Invalid.class, () -> ClassPathEntries.parse(base, "nope.jar", "classpath"));
        assertTrue(missing.getMessage().contains(base.resolve("nope.jar") + " does not exist"), missing.getMessage());
        var empty = assertThrows(ClassPathEntries.Invalid.class, () -> ClassPathEntries.parse(base, "libs/*.jar", "classpath"));
        assertTrue(empty.getMessage().contains("libs/*.jar matches no file"), empty.getMessage());
        Path text = Files.writeString(base.resolve("notes.jar"), "not a jar");
        var notJar = assertThrows(ClassPathEntries.Invalid.class, () -> ClassPathEntries.parse(base, "notes.jar", "classpath"));
        assertTrue(notJar.getMessage().contains(text + " is not a jar or a directory"), notJar.getMessage());
    }
}
