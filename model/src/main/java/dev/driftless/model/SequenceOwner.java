package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/** The column a sequence belongs to ({@code ALTER SEQUENCE … OWNED BY table.column}): dropping it drops the sequence. */
public record SequenceOwner(QualifiedName table, String column) implements Serializable {

    public SequenceOwner {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
