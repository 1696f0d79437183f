package dev.driftless.generator.render;

import dev.driftless.model.Change;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes changes as a Liquibase changelog, one changeset per change, each with the SQL of the change's
 * reverse as its explicit rollback. The same changes and id always give byte-identical text.
 */
public final class ChangelogRenderer {

    public static final String AUTHOR = "driftless";

    private final SqlRenderer sql = new SqlRenderer();

    public List<ChangeSet> changeSets(String idPrefix, List<Change> changes) {
        return changeSets(idPrefix, changes, Map.of());
    }

    /** @param notes a sentence for reviewers to add to some changesets' comments, e.g. "probable rename to quantity" */
    public List<ChangeSet> changeSets(String idPrefix, List<Change> changes, Map<Change, String> notes) {
        List<ChangeSet> sets = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            String comment = change.destructive()
                    ? "DESTRUCTIVE: " + change.describe() + " (the rollback restores the structure, not the data)"
                    : change.describe();
            if (notes.containsKey(change)) {
                comment += "; " + notes.get(change);
            }
            sets.add(new ChangeSet(idPrefix + "-" + (i + 1), AUTHOR, comment,
                    sql.render(change), sql.render(change.reverse()), change.destructive(),
                    // The changeset's own statements decide: Liquibase runs its rollback the same way. A re-created
                    // enum type stays atomic, so its rollback (ADD VALUE) runs in a transaction, which PostgreSQL 12+ allows.
                    sql.runsInTransaction(change)));
        }
        return sets;
    }

    public String render(ChangelogFormat format, List<ChangeSet> sets) {
        return format == ChangelogFormat.SQL ? formattedSql(sets) : yaml(sets);
    }

    private static String formattedSql(List<ChangeSet> sets) {
        StringBuilder out = new StringBuilder("-- liquibase formatted sql\n");
        for (ChangeSet set : sets) {
            out.append("\n-- changeset ").append(set.author()).append(':').append(set.id())
                    .append(set.runInTransaction() ? "" : " runInTransaction:false").append('\n');
            out.append("-- comment: ").append(UnsafeText.commentLine(set.comment())).append('\n');
            out.append(set.sql()).append('\n');
            set.rollbackLines().forEach(line -> out.append("-- rollback ").append(line).append('\n'));
        }
        return out.toString();
    }

    private static String yaml(List<ChangeSet> sets) {
        List<Object> entries = new ArrayList<>();
        for (ChangeSet set : sets) {
            Map<String, Object> changeSet = new LinkedHashMap<>();
            changeSet.put("id", set.id());
            changeSet.put("author", set.author());
            changeSet.put("comment", UnsafeText.commentLine(set.comment()));
            if (!set.runInTransaction()) {
                changeSet.put("runInTransaction", false);
            }
            changeSet.put("changes", List.of(Map.of("sql", Map.of("sql", set.sql()))));
            changeSet.put("rollback", List.of(Map.of("sql", Map.of("sql", set.rollback()))));
            entries.add(Map.of("changeSet", changeSet));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(4096);
        return new Yaml(options).dump(Map.of("databaseChangeLog", entries));
    }
}
