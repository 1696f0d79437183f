package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A table column.
 *
 * @param type         the canonical PostgreSQL type as {@code format_type} prints it, e.g. {@code character varying(100)}
 * @param defaultValue the default expression as {@code pg_get_expr} prints it, or {@code null} for none
 * @param comment      the column's comment ({@code @Comment}), or {@code null} for none
 * @param collation    a collation other than its type's default, schema-qualified and quoted as needed
 *                     ({@code pg_catalog."C"}), or {@code null} for the default. JPA cannot state it: kept and
 *                     reported, never changed by the diff
 */
public record Column(String name, String type, boolean nullable, String defaultValue, Identity identity, String comment,
                     String collation) implements Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
    }

    /** A column of its type's default collation. */
    public Column(String name, String type, boolean nullable, String defaultValue, Identity identity, String comment) {
        this(name, type, nullable, defaultValue, identity, comment, null);
    }

    /** A column without a comment, of its type's default collation. */
    public Column(String name, String type, boolean nullable, String defaultValue, Identity identity) {
        this(name, type, nullable, defaultValue, identity, null);
    }

    public static Column of(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, Identity.NONE);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, defaultValue, identity, comment, collation);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultValue, identity, comment, collation);
    }

    public Column withDefault(String newDefault) {
        return new Column(name, type, nullable, newDefault, identity, comment, collation);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultValue, newIdentity, comment, collation);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultValue, identity, newComment, collation);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, identity, comment, collation);
    }

    public Column withCollation(String newCollation) {
        return new Column(name, type, nullable, defaultValue, identity, comment, newCollation);
    }

    /** Whether a value of {@code type} has a collation (the string types), so that {@code COLLATE} may follow it. */
    public static boolean collatable(String type) {
        String base = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
        return base.startsWith("character") || base.equals("text") || base.equals("name") || base.endsWith("citext");
    }
}
