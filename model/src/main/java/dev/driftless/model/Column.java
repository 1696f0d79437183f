package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A table column.
 *
 * @param type         the canonical PostgreSQL type as {@code format_type} prints it, e.g. {@code character varying(100)}
 * @param defaultValue the default expression as {@code pg_get_expr} prints it, or {@code null} for none
 * @param comment      the column's comment ({@code @Comment}), or {@code null} for none
 */
public record Column(String name, String type, boolean nullable, String defaultValue, Identity identity, String comment) implements Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
    }

    /** A column without a comment. */
    public Column(String name, String type, boolean nullable, String defaultValue, Identity identity) {
        this(name, type, nullable, defaultValue, identity, null);
    }

    public static Column of(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, Identity.NONE);
    }

    public Column withType(String newType) {
        return new Column(name, newType, nullable, defaultValue, identity, comment);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, defaultValue, identity, comment);
    }

    public Column withDefault(String newDefault) {
        return new Column(name, type, nullable, newDefault, identity, comment);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, defaultValue, newIdentity, comment);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultValue, identity, newComment);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultValue, identity, comment);
    }
}
