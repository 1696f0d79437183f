package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A foreign key; two keys that differ only in name do the same thing. */
public record ForeignKey(String name, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) implements Serializable {

    public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }

    /** Everything that decides what the key does, leaving out its name. */
    public Object behaviour() {
        return List.of(columns, referencedTable, referencedColumns, onDelete, onUpdate);
    }
}
