package dev.driftless.model;

import java.util.Objects;

/**
 * A property of an object both sides have that a JPA model cannot state (a key's deferrability, …) and that differs:
 * the diff keeps the database's, never "fixes" it, and validate reports it. Changelogs are the only place it can be
 * stated, so a difference the changelogs share is intended.
 *
 * @param kind     what differs, the finding kind's id: {@code deferrable}, {@code include}, {@code nulls_not_distinct},
 *                 {@code collation}, {@code owned_by}
 * @param table    the table the object belongs to, or {@code null} for a sequence
 * @param object   the object, for people: {@code unique constraint orders_code_key}
 * @param database the property in the database
 * @param model    the property the model (or the other side) has
 */
public record KeptProperty(String kind, QualifiedName table, String object, String database, String model) {

    public static final String DEFERRABLE = "deferrable";
    public static final String INCLUDE = "include";
    public static final String NULLS_NOT_DISTINCT = "nulls_not_distinct";
    public static final String COLLATION = "collation";
    public static final String OWNED_BY = "owned_by";

    public KeptProperty {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(model, "model");
    }

    public String describe() {
        return object + (table == null ? "" : " of " + table) + " is " + database + " in the database, the model says " + model;
    }
}
