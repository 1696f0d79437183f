package dev.driftless.model;

import java.util.Objects;

/**
 * An index, constraint or column that only the database has, which the diff leaves alone: the model does not declare
 * it, and dropping it could lose a rule the data relies on (a unique index another tool created) or the data itself.
 *
 * @param kind   {@code index}, {@code unique constraint}, {@code check constraint}, {@code foreign key}, {@code column}
 * @param table  the table it belongs to
 * @param name   its name
 * @param why    why it stays: {@code not in the model} (a flag drops it) or {@code ignored} (an ignore rule names it)
 */
public record KeptObject(String kind, QualifiedName table, String name, String why) {

    public static final String UNMAPPED = "not in the model";
    public static final String IGNORED = "ignored";

    public KeptObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(why, "why");
    }

    public String describe() {
        return kind + " " + name + " of " + table;
    }
}
