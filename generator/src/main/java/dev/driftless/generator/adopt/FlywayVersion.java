package dev.driftless.generator.adopt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flyway migration version as Flyway reads it: {@code _} and {@code .} separate numeric parts, compared part by part
 * as numbers ({@code 1.20.2} before {@code 1.20.10}), a missing part counting as zero ({@code 1} equals {@code 1.0}).
 *
 * @param text  the version as written in the file name
 * @param parts its numeric parts
 */
public record FlywayVersion(String text, List<BigInteger> parts) implements Comparable<FlywayVersion> {

    public FlywayVersion {
        parts = List.copyOf(parts);
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not dot- or underscore-separated digits
     */
    public static FlywayVersion parse(String text) {
        String normalised = text.replace('_', '.');
        if (!normalised.matches("\\d+(\\.\\d+)*")) {
            throw new IllegalArgumentException("'" + text + "' is not a Flyway version (digits separated by . or _)");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : normalised.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        return new FlywayVersion(text, parts);
    }

    /** As Flyway stores it in {@code flyway_schema_history.version}: underscores as dots. */
    public String display() {
        return text.replace('_', '.');
    }

    @Override
    public int compareTo(FlywayVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int compared = part(i).compareTo(other.part(i));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** Equal as Flyway compares versions ({@code 1.0} is {@code 1}); records' equals would tell them apart. */
    public boolean sameAs(FlywayVersion other) {
        return compareTo(other) == 0;
    }

    private BigInteger part(int i) {
        return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
    }
}
