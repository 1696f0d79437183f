package dev.driftless.generator.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a class or field is declared in the entity sources.
 *
 * @param file     the file relative to its source root, with {@code /} separators ({@code com/acme/Order.java})
 * @param absolute the file on disk
 * @param line     1-based line of the declaration's name
 */
public record SourceLocation(String file, Path absolute, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(absolute, "absolute");
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
