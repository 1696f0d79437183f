package dev.driftless.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * An exclusion constraint, which JPA cannot declare: the model never has one, so the diff keeps the database's (and
 * validate reports it) unless unmapped constraints are to be dropped; a drop carries it whole so that its rollback
 * re-creates it.
 *
 * @param definition as {@code pg_get_constraintdef} prints it, e.g. {@code EXCLUDE USING gist (room WITH =, during WITH &&)}
 */
public record ExclusionConstraint(String name, String definition) implements Serializable {

    public ExclusionConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
