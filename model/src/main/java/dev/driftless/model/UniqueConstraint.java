package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A unique constraint; compared by its columns. */
public record UniqueConstraint(String name, List<String> columns) implements Serializable {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
