package dev.driftless.api.facade.other;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity in another package: never part of a model that names only the shop package. */
@Entity
public class Unrelated {

    @Id
    private Long id;
}
