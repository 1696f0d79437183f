package dev.driftless.generator.entity;

/**
 * A name the entities map that PostgreSQL cannot keep as it is.
 *
 * @param kind      table, column, index, unique constraint, foreign key, check constraint, sequence
 * @param name      the name as mapped (control characters escaped)
 * @param table     the table it belongs to, or {@code null} for a sequence
 * @param className the entity (or embeddable, mapped superclass) that maps it, or {@code null} when none is known
 * @param field     the field that maps it, or {@code null} when it belongs to the class
 * @param problem   what is wrong: {@code 70 bytes, over PostgreSQL's limit of 63}
 */
public record UnfitName(String kind, String name, String table, String className, String field, String problem) {
}
