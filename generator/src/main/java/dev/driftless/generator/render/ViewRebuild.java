package dev.driftless.generator.render;

import dev.driftless.model.UnownedObject;
import dev.driftless.model.ViewProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A statement wrapped in the drop and re-creation of the views it would otherwise be refused for (a column's type
 * change under a view): the views go, the last created first, the statement runs, and they come back in creation
 * order from their definitions, with their comments, options, grants and (for a materialized view) indexes. All in
 * one changeset, so nobody sees the views missing, and a failure leaves them as they were. A materialized view's rows
 * are computed again by its query: they are derived, not lost.
 */
final class ViewRebuild {

    private ViewRebuild() {
    }

    /** @param views in creation order */
    static String around(List<UnownedObject> views, String statement) {
        if (views.isEmpty()) {
            return statement;
        }
        List<String> sql = new ArrayList<>();
        for (int i = views.size() - 1; i >= 0; i--) {
            UnownedObject view = views.get(i);
            sql.add(view.kind().equals("trigger") ? SqlRenderer.dropUnownedObject(view)
                    : "DROP " + keyword(view) + " " + SqlRenderer.name(view.name()) + ";");
        }
        sql.add(statement);
        views.forEach(view -> sql.addAll(create(view)));
        return String.join("\n", sql);
    }

    private static List<String> create(UnownedObject view) {
        if (view.kind().equals("trigger")) {
            return List.of(view.definition() + ";");
        }
        ViewProperties properties = view.properties();
        String name = SqlRenderer.name(view.name());
        String keyword = keyword(view);
        List<String> sql = new ArrayList<>();
        sql.add(view.definition() + (properties.populated() ? "" : "\nWITH NO DATA") + ";");
        if (!properties.options().isEmpty()) {
            sql.add("ALTER " + keyword + " " + name + " SET (" + properties.options().stream().map(ViewRebuild::option)
                    .collect(Collectors.joining(", ")) + ");");
        }
        properties.indexes().forEach(index -> sql.add(index + ";"));
        if (properties.comment() != null) {
            sql.add("COMMENT ON " + keyword + " " + name + " IS " + SqlRenderer.literal(properties.comment()) + ";");
        }
        properties.grants().forEach(grant -> sql.add("GRANT " + grant.privilege() + " ON TABLE " + name + " TO "
                + (grant.grantee() == null ? "PUBLIC" : Identifiers.quote(grant.grantee()))
                + (grant.grantable() ? " WITH GRANT OPTION" : "") + ";"));
        return sql;
    }

    private static String keyword(UnownedObject view) {
        return view.kind().toUpperCase(Locale.ROOT);
    }

    /** {@code name=value} as reloptions stores it; the value as a literal, which every option accepts. */
    private static String option(String stored) {
        int equals = stored.indexOf('=');
        return equals < 0 ? Identifiers.quote(stored)
                : Identifiers.quote(stored.substring(0, equals)) + " = " + SqlRenderer.literal(stored.substring(equals + 1));
    }
}
