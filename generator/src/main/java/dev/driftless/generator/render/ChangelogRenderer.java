package dev.driftless.generator.render;

import dev.driftless.model.Change;
import dev.driftless.model.ChangeRisk;
import dev.driftless.model.ChangeRisks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes changes as a Liquibase changelog: each change becomes one changeset, or several when its online form takes
 * more than one transaction (see {@link OnlineDdl}), each with the SQL that undoes exactly it as its explicit
 * rollback, and its risk as a {@code risk:} label and, when it is not safe, in its comment. The same changes and id
 * always give byte-identical text.
 */
public final class ChangelogRenderer {

    public static final String AUTHOR = "driftless";

    private final SqlRenderer sql = new SqlRenderer();
    private final DdlSettings ddl;

    public ChangelogRenderer() {
        this(DdlSettings.DEFAULT);
    }

    public ChangelogRenderer(DdlSettings ddl) {
        this.ddl = ddl;
    }

    public List<ChangeSet> changeSets(String idPrefix, List<Change> changes) {
        return changeSets(idPrefix, changes, Map.of());
    }

    /** @param notes a sentence for reviewers to add to some changesets' comments, e.g. "probable rename to quantity" */
    public List<ChangeSet> changeSets(String idPrefix, List<Change> changes, Map<Change, String> notes) {
        ChangeRisks risks = ChangeRisks.forChanges(changes, ddl.online());
        OnlineDdl online = new OnlineDdl(sql, ddl);
        Map<Change, Change> replacements = keyReplacements(changes);
        List<ChangeSet> sets = new ArrayList<>();
        for (Change change : uniqueUntilReplaced(changes)) {
            if (replacements.containsValue(change)) {
                continue;
            }
            ChangeRisk risk = risks.classify(change);
            boolean existingTable = change.table() != null && !(change instanceof Change.CreateTable) && !risks.onNewTable(change);
            List<OnlineDdl.Step> steps = replacements.containsKey(change)
                    ? online.replaceKey(replacements.get(change), change, existingTable)
                    : online.steps(change, existingTable);
            for (OnlineDdl.Step step : steps) {
                sets.add(new ChangeSet(idPrefix + "-" + (sets.size() + 1), AUTHOR, comment(change, risk, step, notes.get(change)),
                        step.sql(), withoutPostConditions(step.rollback()), change.destructive(),
                        // The changeset's own statements decide: Liquibase runs its rollback the same way. A re-created
                        // enum type stays atomic, so its rollback (ADD VALUE) runs in a transaction, which PostgreSQL 12+ allows.
                        step.runInTransaction(), risk.label()));
            }
        }
        return sets;
    }

    /**
     * A key dropped and one added in its place on the same table — a primary key, or a unique constraint of the same
     * name — is one replacement, so the table is never without it: not between two changesets, and not when apply stops
     * between them. Not when a column of the old key is dropped (that drops the old key with it).
     *
     * @return each add mapped to the drop it replaces
     */
    private static Map<Change, Change> keyReplacements(List<Change> changes) {
        Map<Change, Change> replacements = new LinkedHashMap<>();
        for (Change change : changes) {
            KeyChange old = KeyChange.dropped(change);
            if (old == null || old.columnDropped(changes)) {
                continue;
            }
            changes.stream().filter(c -> old.replacedBy(KeyChange.added(c))).findFirst().ifPresent(add -> replacements.put(add, change));
        }
        return replacements;
    }

    /**
     * A unique constraint dropped while another is added on the same table (under another name) goes after the new one,
     * so that uniqueness is enforced at every moment of apply: the old rule stays until the new one is in place.
     */
    private static List<Change> uniqueUntilReplaced(List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        for (Change change : changes) {
            KeyChange old = KeyChange.dropped(change);
            if (old == null || old.primary() || old.columnDropped(changes)) {
                continue;
            }
            changes.stream().filter(c -> old.supersededBy(KeyChange.added(c))).reduce((first, last) -> last)
                    .ifPresent(adding -> {
                        ordered.remove(change);
                        ordered.add(ordered.indexOf(adding) + 1, change);
                    });
        }
        return ordered;
    }

    private static String comment(Change change, ChangeRisk risk, OnlineDdl.Step step, String note) {
        StringBuilder comment = new StringBuilder(change.destructive()
                ? "DESTRUCTIVE: " + change.describe() + " (the rollback restores the structure, not the data)"
                : change.describe());
        if (step.note() != null) {
            comment.append(" (").append(step.note()).append(')');
        }
        if (note != null) {
            comment.append("; ").append(note);
        }
        // last, so that a reader (or a script) finds the change's own words first
        if (risk.level() != ChangeRisk.Level.SAFE && !change.destructive()) {
            comment.append("; risk ").append(risk.describe());
        }
        return comment.toString();
    }

    public String render(ChangelogFormat format, List<ChangeSet> sets) {
        return format == ChangelogFormat.SQL ? formattedSql(sets) : yaml(sets);
    }

    private static String formattedSql(List<ChangeSet> sets) {
        StringBuilder out = new StringBuilder("-- liquibase formatted sql\n");
        for (ChangeSet set : sets) {
            out.append("\n-- changeset ").append(set.author()).append(':').append(set.id())
                    .append(set.labels().isEmpty() ? "" : " labels:" + set.labels())
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
            if (!set.labels().isEmpty()) {
                changeSet.put("labels", set.labels());
            }
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

    /**
     * A rollback is the reverse change rendered, post-condition included; driftless checks a changeset's
     * post-conditions when it applies it, not when it rolls it back, so in a rollback the line would only mislead.
     */
    private static String withoutPostConditions(String rollback) {
        return rollback.lines().filter(line -> !line.startsWith("-- validate:"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
