package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An index that does not back a constraint.
 *
 * @param keys             each key column or expression with its ordering, e.g. {@code placed_at DESC}
 * @param method           the access method, e.g. {@code btree}
 * @param predicate        the {@code WHERE} of a partial index, or {@code null}
 * @param include          the {@code INCLUDE} columns of a covering index, as {@code pg_get_indexdef} prints them
 * @param nullsNotDistinct {@code NULLS NOT DISTINCT} (PostgreSQL 15+): a unique index that lets one null through
 *                         only. Neither this nor {@code include} can be stated by JPA: they are kept and reported,
 *                         not part of {@link #behaviour()}
 */
public record Index(String name, List<String> keys, boolean unique, String method, String predicate,
                    List<String> include, boolean nullsNotDistinct) implements Serializable {

    public Index {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        Objects.requireNonNull(method, "method");
        include = List.copyOf(include);
    }

    /** An index without INCLUDE columns whose nulls are distinct, as every index a JPA model declares. */
    public Index(String name, List<String> keys, boolean unique, String method, String predicate) {
        this(name, keys, unique, method, predicate, List.of(), false);
    }

    /** Everything that decides what the index does, leaving out its name (and what JPA cannot state). */
    public Object behaviour() {
        return java.util.Arrays.asList(keys, unique, method, predicate);
    }

    /** The same index over other keys, predicate and INCLUDE columns (after a column rename). */
    public Index withKeys(List<String> newKeys, String newPredicate, List<String> newInclude) {
        return new Index(name, newKeys, unique, method, newPredicate, newInclude, nullsNotDistinct);
    }
}
