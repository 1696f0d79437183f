package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A unique constraint; compared by its columns.
 *
 * @param deferrability    whether it may be checked at commit
 * @param include          the {@code INCLUDE} columns of its index
 * @param nullsNotDistinct {@code UNIQUE NULLS NOT DISTINCT} (PostgreSQL 15+). JPA cannot state any of these three:
 *                         they are kept and reported, not compared
 */
public record UniqueConstraint(String name, List<String> columns, Deferrability deferrability, List<String> include,
                               boolean nullsNotDistinct) implements Serializable {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(deferrability, "deferrability");
        include = List.copyOf(include);
    }

    /** A constraint as every one a JPA model declares: not deferrable, nothing included, nulls distinct. */
    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, Deferrability.NOT_DEFERRABLE);
    }

    public UniqueConstraint(String name, List<String> columns, Deferrability deferrability) {
        this(name, columns, deferrability, List.of(), false);
    }

    /** The same constraint over other columns and INCLUDE columns (after a column rename). */
    public UniqueConstraint withColumns(List<String> newColumns, List<String> newInclude) {
        return new UniqueConstraint(name, newColumns, deferrability, newInclude, nullsNotDistinct);
    }

    public UniqueConstraint withColumns(List<String> newColumns) {
        return withColumns(newColumns, include);
    }
}
