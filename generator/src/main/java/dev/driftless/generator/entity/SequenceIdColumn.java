package dev.driftless.generator.entity;

import dev.driftless.model.QualifiedName;
import java.io.Serializable;
import java.util.Objects;

/**
 * An id column whose values the application takes from a sequence ({@code @GeneratedValue} with {@code AUTO} or
 * {@code SEQUENCE}), named as PostgreSQL stores them.
 *
 * @param increment the generator's allocation size: the block of ids the application takes per {@code nextval}
 */
public record SequenceIdColumn(QualifiedName sequence, QualifiedName table, String column, int increment)
        implements Serializable {

    public SequenceIdColumn {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }
}
