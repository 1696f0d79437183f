package dev.driftless.generator.entity;

import java.io.Serializable;
import dev.driftless.model.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which class and field own which table and column: Hibernate's boot metadata ({@code PersistentClass},
 * {@code Property}, {@code Column}) read back to the database names PostgreSQL stores (schema resolved, unquoted
 * names folded to lower case). This is how a finding about a database object finds its way back to the entity.
 *
 * @param tables  the owner of each mapped table: an entity class, or the class and collection field of a join or
 *                element-collection table
 * @param columns the owner of each mapped column: the class that declares the field (a mapped superclass or an
 *                embeddable for inherited and embedded fields) and the field name; class-level when no field maps it
 *                (a joined subclass's key, a discriminator)
 */
public record EntityMapping(List<Owner> tables, List<ColumnOwner> columns) implements Serializable {

    public EntityMapping {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
    }

    public static EntityMapping none() {
        return new EntityMapping(List.of(), List.of());
    }

    /** A class, and a field of it or {@code null}. */
    public record Owner(QualifiedName table, String className, String field) implements Serializable {
        public Owner {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(className, "className");
        }
    }

    public record ColumnOwner(QualifiedName table, String column, String className, String field) implements Serializable {
        public ColumnOwner {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(className, "className");
        }
    }

    public Optional<Owner> table(QualifiedName table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst();
    }

    public Optional<ColumnOwner> column(QualifiedName table, String column) {
        return columns.stream().filter(c -> c.table().equals(table) && c.column().equals(column)).findFirst();
    }
}
