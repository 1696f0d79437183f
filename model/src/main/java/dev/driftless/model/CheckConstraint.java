package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A check constraint.
 *
 * @param expression the condition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK ((qty > 0))}
 */
public record CheckConstraint(String name, String expression) implements Serializable {

    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }
}
