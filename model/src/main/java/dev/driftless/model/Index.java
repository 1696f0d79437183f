package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An index that does not back a constraint.
 *
 * @param keys      each key column or expression with its ordering, e.g. {@code placed_at DESC}
 * @param method    the access method, e.g. {@code btree}
 * @param predicate the {@code WHERE} of a partial index, or {@code null}
 */
public record Index(String name, List<String> keys, boolean unique, String method, String predicate) implements Serializable {

    public Index {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        Objects.requireNonNull(method, "method");
    }

    /** Everything that decides what the index does, leaving out its name. */
    public Object behaviour() {
        return java.util.Arrays.asList(keys, unique, method, predicate);
    }

    /** The same index over other keys and predicate (after a column rename). */
    public Index withKeys(List<String> newKeys, String newPredicate) {
        return new Index(name, newKeys, unique, method, newPredicate);
    }
}
