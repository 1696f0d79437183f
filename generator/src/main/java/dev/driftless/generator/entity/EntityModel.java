package dev.driftless.generator.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What Hibernate makes of the entity classes.
 *
 * @param entityClasses the names of the classes read ({@code @Entity}, {@code @MappedSuperclass}, {@code @Embeddable})
 * @param ddl           the statements Hibernate itself would run to create the schema, in its order
 * @param mapping       which class and field own which table and column
 * @param enumColumns   the columns that hold Java enums, with their constants
 * @param sequenceIds   the id columns the application fills from a sequence, with the sequence and its increment
 */
public record EntityModel(List<String> entityClasses, List<String> ddl, EntityMapping mapping,
                          List<EnumColumn> enumColumns, List<SequenceIdColumn> sequenceIds) implements Serializable {

    public EntityModel {
        entityClasses = List.copyOf(entityClasses);
        ddl = List.copyOf(ddl);
        mapping = mapping == null ? EntityMapping.none() : mapping;
        enumColumns = enumColumns == null ? List.of() : List.copyOf(enumColumns);
        sequenceIds = sequenceIds == null ? List.of() : List.copyOf(sequenceIds);
    }

    public EntityModel(List<String> entityClasses, List<String> ddl, EntityMapping mapping, List<EnumColumn> enumColumns) {
        this(entityClasses, ddl, mapping, enumColumns, List.of());
    }

    public EntityModel(List<String> entityClasses, List<String> ddl) {
        this(entityClasses, ddl, EntityMapping.none(), List.of());
    }

    public EntityModel(List<String> entityClasses, List<String> ddl, EntityMapping mapping) {
        this(entityClasses, ddl, mapping, List.of());
    }

    public EntityModel(List<String> entityClasses, List<String> ddl, List<EnumColumn> enumColumns) {
        this(entityClasses, ddl, EntityMapping.none(), enumColumns);
    }
}
