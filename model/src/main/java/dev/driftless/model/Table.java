package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with everything that belongs to it.
 *
 * @param primaryKey the primary key, or {@code null} when the table has none
 * @param comment    the table's comment ({@code @Comment}), or {@code null} for none
 * @param exclusions its exclusion constraints (only a database has them: JPA cannot declare one)
 */
public record Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey,
                    List<ForeignKey> foreignKeys, List<UniqueConstraint> uniqueConstraints,
                    List<CheckConstraint> checks, List<Index> indexes, String comment,
                    List<ExclusionConstraint> exclusions) implements Serializable {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueConstraints = List.copyOf(uniqueConstraints);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
        exclusions = List.copyOf(exclusions);
    }

    /** A table without exclusion constraints. */
    public Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey,
                 List<ForeignKey> foreignKeys, List<UniqueConstraint> uniqueConstraints,
                 List<CheckConstraint> checks, List<Index> indexes, String comment) {
        this(name, columns, primaryKey, foreignKeys, uniqueConstraints, checks, indexes, comment, List.of());
    }

    /** A table without a comment. */
    public Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey,
                 List<ForeignKey> foreignKeys, List<UniqueConstraint> uniqueConstraints,
                 List<CheckConstraint> checks, List<Index> indexes) {
        this(name, columns, primaryKey, foreignKeys, uniqueConstraints, checks, indexes, null);
    }

    public static Table of(QualifiedName name, List<Column> columns, PrimaryKey primaryKey) {
        return new Table(name, columns, primaryKey, List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The part of the table that {@code CREATE TABLE} states; foreign keys and indexes come as changes of their own. */
    public Table withoutForeignKeysAndIndexes() {
        return new Table(name, columns, primaryKey, List.of(), uniqueConstraints, checks, List.of(), comment, exclusions);
    }

    public Table withForeignKeys(List<ForeignKey> keys) {
        return new Table(name, columns, primaryKey, keys, uniqueConstraints, checks, indexes, comment, exclusions);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, foreignKeys, uniqueConstraints, checks, newIndexes, comment, exclusions);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> constraints) {
        return new Table(name, columns, primaryKey, foreignKeys, constraints, checks, indexes, comment, exclusions);
    }

    public Table withComment(String newComment) {
        return new Table(name, columns, primaryKey, foreignKeys, uniqueConstraints, checks, indexes, newComment, exclusions);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, foreignKeys, uniqueConstraints, checks, indexes, comment, exclusions);
    }

    public Table withChecks(List<CheckConstraint> newChecks) {
        return new Table(name, columns, primaryKey, foreignKeys, uniqueConstraints, newChecks, indexes, comment, exclusions);
    }

    public Table withName(QualifiedName newName) {
        return new Table(newName, columns, primaryKey, foreignKeys, uniqueConstraints, checks, indexes, comment, exclusions);
    }

    public Table withPrimaryKey(PrimaryKey key) {
        return new Table(name, columns, key, foreignKeys, uniqueConstraints, checks, indexes, comment, exclusions);
    }

    public Table withExclusions(List<ExclusionConstraint> newExclusions) {
        return new Table(name, columns, primaryKey, foreignKeys, uniqueConstraints, checks, indexes, comment, newExclusions);
    }
}
