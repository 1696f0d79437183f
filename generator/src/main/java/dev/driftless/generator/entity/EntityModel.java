package dev.driftless.generator.entity;

import java.util.List;

/**
 * What Hibernate makes of the entity classes.
 *
 * @param entityClasses the names of the classes read ({@code @Entity}, {@code @MappedSuperclass}, {@code @Embeddable})
 * @param ddl           the statements Hibernate itself would run to create the schema, in its order
 */
public record EntityModel(List<String> entityClasses, List<String> ddl) {

    public EntityModel {
        entityClasses = List.copyOf(entityClasses);
        ddl = List.copyOf(ddl);
    }
}
