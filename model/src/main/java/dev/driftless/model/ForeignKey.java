package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key; two keys that differ only in name do the same thing.
 *
 * @param deferrability whether it may be checked at commit; JPA cannot say so, so it is kept and reported, not part of
 *                      {@link #behaviour()}
 */
public record ForeignKey(String name, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate,
                         Deferrability deferrability) implements Serializable {

    public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(deferrability, "deferrability");
    }

    /** A key that is not deferrable, as every key a JPA model declares. */
    public ForeignKey(String name, List<String> columns, QualifiedName referencedTable,
                      List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, Deferrability.NOT_DEFERRABLE);
    }

    /** Everything that decides what the key does, leaving out its name (and its deferrability, which JPA cannot state). */
    public Object behaviour() {
        return List.of(columns, referencedTable, referencedColumns, onDelete, onUpdate);
    }

    /** The same key over other columns, or to another table (after a rename). */
    public ForeignKey withColumns(List<String> newColumns, QualifiedName newTarget, List<String> newReferencedColumns) {
        return new ForeignKey(name, newColumns, newTarget, newReferencedColumns, onDelete, onUpdate, deferrability);
    }
}
