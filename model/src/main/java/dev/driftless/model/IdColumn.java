package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/** A column holding ids that a sequence's next values must stay above: ids it already has, made before the sequence. */
public record IdColumn(QualifiedName table, String column) implements Serializable {

    public IdColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
