package dev.driftless.generator.entity;

import java.util.List;

/**
 * What Hibernate makes of the entity classes.
 *
 * @param entityClasses the names of the classes read ({@code @Entity}, {@code @MappedSuperclass}, {@code @Embeddable})
 * @param ddl           the statements Hibernate itself would run to create the schema, in its order
 * @param mapping       which class and field own which table and column
 */
public record EntityModel(List<String> entityClasses, List<String> ddl, EntityMapping mapping) {

    public EntityModel {
        entityClasses = List.copyOf(entityClasses);
        ddl = List.copyOf(ddl);
        mapping = mapping == null ? EntityMapping.none() : mapping;
    }

    public EntityModel(List<String> entityClasses, List<String> ddl) {
        this(entityClasses, ddl, EntityMapping.none());
    }
}
