package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A unique constraint; compared by its columns.
 *
 * @param deferrability whether it may be checked at commit; JPA cannot say so, so it is kept and reported, not compared
 */
public record UniqueConstraint(String name, List<String> columns, Deferrability deferrability) implements Serializable {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(deferrability, "deferrability");
    }

    /** A constraint that is not deferrable, as every one a JPA model declares. */
    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, Deferrability.NOT_DEFERRABLE);
    }

    public UniqueConstraint withColumns(List<String> newColumns) {
        return new UniqueConstraint(name, newColumns, deferrability);
    }
}
