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
    RENAME,
    /** A key deferrable on one side only: JPA cannot state it, the diff keeps the database's. */
    DEFERRABLE,
    /** The INCLUDE columns of a unique constraint or index: JPA cannot state them. */
    INCLUDE,
    /** NULLS NOT DISTINCT of a unique constraint or index: JPA cannot state it. */
    NULLS_NOT_DISTINCT,
    /** A column's collation other than its type's default: JPA cannot state it. */
    COLLATION,
    /** An exclusion constraint: JPA cannot declare one, so only the changelogs say whether it should be there. */
    EXCLUSION,
    /** The column that owns a sequence ({@code OWNED BY}): JPA cannot state it. */
    OWNED_BY,
    /** A view, materialized view, function, procedure or trigger no entity maps: only changelogs can state it. */
    UNMAPPED_OBJECT;

    /** {@code missing_column}, {@code foreign_key}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the model cannot state what this kind compares: only changelogs can (a baseline, a hand-written changeset).
     * Such a finding is no model change for {@code check}, and intended when the changelogs share it.
     */
    public boolean beyondTheModel() {
        return this == DEFERRABLE || this == INCLUDE || this == NULLS_NOT_DISTINCT || this == COLLATION || this == EXCLUSION || this == OWNED_BY || this == UNMAPPED_OBJECT;
    }

    /** Accepts {@code foreign_key}, {@code foreign-key} and {@code FOREIGN_KEY}. */
    public static Optional<FindingKind> parse(String text) {
        String normal = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(normal)).findFirst();
    }
}
