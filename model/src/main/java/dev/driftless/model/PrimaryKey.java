package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A primary key; compared by its columns, the name only names it.
 *
 * @param deferrability whether it may be checked at commit; JPA cannot say so, so it is kept and reported, not compared
 */
public record PrimaryKey(String name, List<String> columns, Deferrability deferrability) implements Serializable {

    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(deferrability, "deferrability");
    }

    /** A key that is not deferrable, as every key a JPA model declares. */
    public PrimaryKey(String name, List<String> columns) {
        this(name, columns, Deferrability.NOT_DEFERRABLE);
    }

    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns, deferrability);
    }
}
