package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A standalone sequence (identity columns' own sequences belong to their column, not here).
 *
 * @param ownedBy the column that owns it ({@code OWNED BY}, as a {@code serial} column's sequence), or {@code null}.
 *                JPA cannot state it: not compared as an option (see {@link #options()}), kept and reported
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment,
                       long minValue, long maxValue, long cache, boolean cycle, SequenceOwner ownedBy) implements Serializable {

    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }

    /** A sequence no column owns. */
    public Sequence(QualifiedName name, String dataType, long start, long increment,
                    long minValue, long maxValue, long cache, boolean cycle) {
        this(name, dataType, start, increment, minValue, maxValue, cache, cycle, null);
    }

    /** The sequence without its owner: what {@code CREATE SEQUENCE} and {@code ALTER SEQUENCE} state. */
    public Sequence options() {
        return ownedBy == null ? this : new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle);
    }

    public Sequence withOwner(SequenceOwner owner) {
        return new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle, owner);
    }
}
