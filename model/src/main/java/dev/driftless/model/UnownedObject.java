package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A view, materialized view, function, procedure or trigger: an object no entity maps. The diff keeps it (it drops
 * one only when asked to drop everything unmapped), {@code validate} reports one the changelogs do not have, and
 * {@code baseline} writes it into its changelog from its own definition, so that replaying the changelogs rebuilds it.
 *
 * @param kind       {@code view}, {@code materialized view}, {@code function}, {@code procedure} or {@code trigger}
 * @param name       schema and name; a function's or procedure's name carries its argument types ({@code f(integer)})
 * @param table      a trigger's table, else {@code null}
 * @param definition the statement that creates it, as PostgreSQL prints it (pg_get_viewdef, pg_get_functiondef,
 *                   pg_get_triggerdef), without a closing semicolon
 * @param dependsOn  the tables and views it uses, through pg_depend, {@code schema.name}, sorted
 * @param position   its place among the objects of its database in creation order, so that each is re-created after
 *                   what it may use
 */
public record UnownedObject(String kind, QualifiedName name, QualifiedName table, String definition, List<String> dependsOn,
                            int position) implements Serializable {

    public UnownedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        dependsOn = List.copyOf(dependsOn);
    }

    public String describe() {
        return kind + " " + name + (table == null ? "" : " on " + table);
    }
}
