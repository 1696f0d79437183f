package dev.driftless.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL refuses to change the type of a column a view or materialized view uses ("cannot alter type of a column
 * used by a view or rule"), or that a trigger names in {@code UPDATE OF} or its {@code WHEN} ("… used in a trigger
 * definition"). This gives each type change the views and triggers it must drop and re-create around it: those that
 * use the column, and the views that use those, transitively, in creation order; and an enum type's change those over
 * the columns of the type, which its re-creation converts. An object the same diff drops anyway is left to that drop.
 *
 * <p>Other changes need nothing: a renamed column or table is followed by the views that use it, and a dropped column
 * that a view uses cannot be re-created into it.
 */
final class DependentViews {

    private final List<UnownedObject> views;

    DependentViews(List<UnownedObject> unowned, List<Change> changes) {
        Set<QualifiedName> dropped = new LinkedHashSet<>();
        changes.stream().filter(c -> c instanceof Change.DropUnowned).map(c -> ((Change.DropUnowned) c).object().name())
                .forEach(dropped::add);
        this.views = unowned.stream().filter(o -> o.isView() || o.kind().equals("trigger"))
                .filter(v -> !dropped.contains(v.name()))
                .sorted(Comparator.comparingInt(UnownedObject::position)).toList();
    }

    /** The changes, each type change given the views it must re-create. */
    List<Change> around(List<Change> changes) {
        if (views.isEmpty()) {
            return changes;
        }
        List<Change> result = new ArrayList<>(changes.size());
        for (Change change : changes) {
            if (change instanceof Change.AlterColumnType alter && alter.views().isEmpty()) {
                result.add(alter.withViews(using(alter.table(), alter.column())));
            } else if (change instanceof Change.AlterEnumType alter && alter.views().isEmpty()) {
                result.add(alter.withViews(alter.usages().stream().flatMap(u -> using(u.table(), u.column()).stream())
                        .distinct().sorted(Comparator.comparingInt(UnownedObject::position)).toList()));
            } else {
                result.add(change);
            }
        }
        return result;
    }

    /** The views that use the column, then those that use any of them, in creation order. */
    List<UnownedObject> using(QualifiedName table, String column) {
        Set<UnownedObject> found = new LinkedHashSet<>();
        views.stream().filter(v -> v.usesColumn(table, column)).forEach(found::add);
        boolean grew = !found.isEmpty();
        while (grew) {
            grew = false;
            for (UnownedObject view : views) {
                if (!found.contains(view) && found.stream().anyMatch(f -> view.usesRelation(f.name()))) {
                    grew = found.add(view);
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(UnownedObject::position)).toList();
    }
}
