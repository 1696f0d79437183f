package dev.driftless.generator.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A tree of Java sources: the working tree now, or the same directory at an earlier revision. Paths use {@code /}. */
public interface SourceTree {

    /** The {@code .java} files, relative to the sources directory. */
    List<String> javaFiles();

    /** The text of one file, or empty when the tree has no such file. */
    Optional<String> read(String path);

    /** The sources directory as it is on disk now. */
    static SourceTree directory(Path root) {
        return new SourceTree() {
            public List<String> javaFiles() {
                if (!Files.isDirectory(root)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.walk(root)) {
                    return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                            .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public Optional<String> read(String path) {
                Path file = root.resolve(path);
                try {
                    return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Files held in memory: for tests. */
    static SourceTree of(Map<String, String> files) {
        Map<String, String> copy = Map.copyOf(files);
        return new SourceTree() {
            public List<String> javaFiles() {
                return copy.keySet().stream().filter(p -> p.endsWith(".java")).sorted().toList();
            }

            public Optional<String> read(String path) {
                return Optional.ofNullable(copy.get(path));
            }
        };
    }
}
