package dev.driftless.model;

import java.util.Objects;

/**
 * A stored value that becomes another when a column changes type, both in their text forms: an enum's ordinal
 * {@code 0} becomes its name {@code BUY} when {@code @Enumerated(ORDINAL)} turns into {@code STRING}.
 */
public record ValueMapping(String from, String to) {

    public ValueMapping {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public ValueMapping reverse() {
        return new ValueMapping(to, from);
    }
}
