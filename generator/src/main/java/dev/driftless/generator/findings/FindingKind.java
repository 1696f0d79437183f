package dev.driftless.generator.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of difference a finding is; {@link #id()} is the name used in output and in {@code ignore: kinds:}. */
public enum FindingKind {
    SCHEMA,
    MISSING_TABLE,
    UNMAPPED_TABLE,
    MISSING_COLUMN,
    UNMAPPED_COLUMN,
    TYPE,
    NULLABILITY,
    DEFAULT,
    IDENTITY,
    PRIMARY_KEY,
    FOREIGN_KEY,
    UNIQUE,
    INDEX,
    CHECK,
    SEQUENCE,
    ENUM,
    COMMENT,
    RENAME;

    /** {@code missing_column}, {@code foreign_key}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code foreign_key}, {@code foreign-key} and {@code FOREIGN_KEY}. */
    public static Optional<FindingKind> parse(String text) {
        String normal = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(normal)).findFirst();
    }
}
