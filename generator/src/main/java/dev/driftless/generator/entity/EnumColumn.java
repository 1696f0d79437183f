package dev.driftless.generator.entity;

import java.io.Serializable;
import dev.driftless.model.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * A column that holds a Java enum, with the enum's constants in ordinal order: what it takes to convert stored
 * ordinals into names (or back) when the mapping switches between {@code ORDINAL} and {@code STRING}.
 */
public record EnumColumn(QualifiedName table, String column, List<String> constants) implements Serializable {

    public EnumColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        constants = List.copyOf(constants);
    }
}
