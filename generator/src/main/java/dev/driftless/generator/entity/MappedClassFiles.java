package dev.driftless.generator.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tells from a class file's bytes, without loading it, whether it carries a JPA mapping annotation: the constant pool
 * holds each annotation's descriptor ({@code Ljakarta/persistence/Entity;}) as plain text.
 */
final class MappedClassFiles {

    private static final List<byte[]> DESCRIPTORS = List.of("Ljakarta/persistence/Entity;", "Ljakarta/persistence/MappedSuperclass;",
            "Ljakarta/persistence/Embeddable;").stream().map(d -> d.getBytes(StandardCharsets.UTF_8)).toList();

    private MappedClassFiles() {
    }

    static boolean isMapped(String className, List<Path> locations) {
        String file = className.replace('.', '/') + ".class";
        for (Path location : locations) {
            byte[] bytes = read(location, file);
            if (bytes != null) {
                return DESCRIPTORS.stream().anyMatch(d -> contains(bytes, d));
            }
        }
        return false;
    }

    private static byte[] read(Path location, String file) {
        try {
            if (Files.isDirectory(location)) {
                Path path = location.resolve(file);
                return Files.exists(path) ? Files.readAllBytes(path) : null;
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                Path path = jar.getPath("/" + file);
                return Files.exists(path) ? Files.readAllBytes(path) : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
