package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A primary key; compared by its columns, the name only names it. */
public record PrimaryKey(String name, List<String> columns) implements Serializable {

    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
