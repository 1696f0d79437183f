package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/** A standalone sequence (identity columns' own sequences belong to their column, not here). */
public record Sequence(QualifiedName name, String dataType, long start, long increment,
                       long minValue, long maxValue, long cache, boolean cycle) implements Serializable {

    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }
}
