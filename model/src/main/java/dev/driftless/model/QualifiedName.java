package dev.driftless.model;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/** A schema-qualified name of a table or sequence, as PostgreSQL stores it (unquoted, case kept). */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName>, Serializable {

    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    /** Parses {@code schema.name}; a bare name lands in {@code public}. */
    public static QualifiedName parse(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? new QualifiedName("public", text) : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
