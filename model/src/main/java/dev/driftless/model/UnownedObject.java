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
 * @param uses       a view's or materialized view's uses of tables and views, through pg_depend, by column where
 *                   PostgreSQL records one: what decides which views a column's type change must drop and re-create
 * @param properties a view's or materialized view's comment, options, grants and indexes; {@link ViewProperties#NONE}
 *                   for the other kinds
 */
public record UnownedObject(String kind, QualifiedName name, QualifiedName table, String definition, List<String> dependsOn,
                            int position, List<Use> uses, ViewProperties properties) implements Serializable {

    public UnownedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        dependsOn = List.copyOf(dependsOn);
        // null when read from a cache written before these were read
        uses = uses == null ? List.of() : List.copyOf(uses);
        properties = properties == null ? ViewProperties.NONE : properties;
    }

    public UnownedObject(String kind, QualifiedName name, QualifiedName table, String definition, List<String> dependsOn,
                         int position) {
        this(kind, name, table, definition, dependsOn, position, List.of(), ViewProperties.NONE);
    }

    public String describe() {
        return kind + " " + name + (table == null ? "" : " on " + table);
    }

    /** A view or a materialized view: what a column's type change may have to drop and re-create. */
    public boolean isView() {
        return kind.equals("view") || kind.equals("materialized view");
    }

    /** Whether it uses {@code relation} at all, by any column or as a whole. */
    public boolean usesRelation(QualifiedName relation) {
        return uses.stream().anyMatch(u -> u.relation().equals(relation));
    }

    /** Whether it uses that column of {@code relation}. */
    public boolean usesColumn(QualifiedName relation, String column) {
        return uses.stream().anyMatch(u -> u.relation().equals(relation) && column.equals(u.column()));
    }

    /**
     * One use of a table or view.
     *
     * @param column the column used, or {@code null} for a use of the relation as a whole ({@code count(*)}, the
     *               {@code FROM} item itself)
     */
    public record Use(QualifiedName relation, String column) implements Serializable {
        public Use {
            Objects.requireNonNull(relation, "relation");
        }
    }
}
