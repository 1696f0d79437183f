package dev.driftless.generator.history;

import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Renames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds renames by comparing the entity sources at an earlier revision with the sources now: a field renamed with
 * the same type and mapping, a class renamed or moved (same fields, new name), a changed {@code @Column(name)} or
 * {@code @Table(name)}. Only unambiguous matches count; the renames found are checked against both schemas later
 * ({@link Renames#resolve}), and ignored when they do not fit.
 */
public final class HistoryRenames {

    private HistoryRenames() {
    }

    /**
     * @param changedFiles the files (relative to the sources directory) that differ between the two revisions; only
     *                     their entities can have been renamed
     */
    public static List<Renames.Request> detect(SourceSnapshot before, SourceSnapshot after, Collection<String> changedFiles) {
        List<SourceEntity> old = new ArrayList<>();
        List<SourceEntity> now = new ArrayList<>();
        for (String file : changedFiles.stream().sorted().toList()) {
            old.addAll(before.entitiesIn(file));
            now.addAll(after.entitiesIn(file));
        }
        return detect(old, now);
    }

    /** The pure step: entities then and now (of the changed files) → the renames they show. */
    public static List<Renames.Request> detect(List<SourceEntity> before, List<SourceEntity> after) {
        Map<String, SourceEntity> oldByClass = byClass(before);
        Map<String, SourceEntity> newByClass = byClass(after);
        Map<SourceEntity, SourceEntity> pairs = new LinkedHashMap<>();
        oldByClass.forEach((name, entity) -> {
            if (newByClass.containsKey(name)) {
                pairs.put(entity, newByClass.get(name));
            }
        });
        // A class renamed or moved: among the classes gone and the classes new, exactly one of each with the same fields.
        List<SourceEntity> gone = before.stream().filter(e -> !newByClass.containsKey(e.className())).toList();
        List<SourceEntity> added = after.stream().filter(e -> !oldByClass.containsKey(e.className())).toList();
        Map<List<String>, List<SourceEntity>> goneByShape = gone.stream().filter(e -> !e.fields().isEmpty())
                .collect(Collectors.groupingBy(SourceEntity::shape));
        Map<List<String>, List<SourceEntity>> addedByShape = added.stream().filter(e -> !e.fields().isEmpty())
                .collect(Collectors.groupingBy(SourceEntity::shape));
        goneByShape.forEach((shape, olds) -> {
            List<SourceEntity> news = addedByShape.getOrDefault(shape, List.of());
            if (olds.size() == 1 && news.size() == 1) {
                pairs.put(olds.get(0), news.get(0));
            }
        });

        List<Renames.Request> requests = new ArrayList<>();
        pairs.forEach((then, now) -> compare(then, now, requests));
        return requests;
    }

    private static void compare(SourceEntity then, SourceEntity now, List<Renames.Request> requests) {
        boolean renamedClass = !then.className().equals(now.className());
        if (then.table() != null && now.table() != null && !then.table().equals(now.table())) {
            String why = renamedClass
                    ? now.file() + ": class " + then.className() + " renamed to " + now.className()
                    : now.file() + ": table of " + now.simpleName() + " changed";
            requests.add(new Renames.Request(new Change.RenameTable(then.table(), now.table()), Renames.Origin.HISTORY, why));
        }
        QualifiedName table = now.table() != null ? now.table() : then.table();
        if (table == null) {
            return;
        }
        Set<String> thenFields = then.fields().stream().map(SourceEntity.MappedField::field).collect(Collectors.toSet());
        Set<String> nowFields = now.fields().stream().map(SourceEntity.MappedField::field).collect(Collectors.toSet());
        // The same field, another column name: @Column(name) or @JoinColumn(name) changed.
        for (SourceEntity.MappedField field : now.fields()) {
            then.field(field.field()).ifPresent(before -> {
                if (before.column() != null && field.column() != null && !before.column().equals(field.column())) {
                    requests.add(new Renames.Request(new Change.RenameColumn(table, before.column(), field.column()),
                            Renames.Origin.HISTORY, now.file() + ": column name of " + now.simpleName() + "."
                            + field.field() + " changed"));
                }
            });
        }
        // A field renamed: among the fields gone and the fields new, exactly one of each with the same type and mapping.
        Map<String, List<SourceEntity.MappedField>> goneBySignature = then.fields().stream()
                .filter(f -> !nowFields.contains(f.field())).collect(Collectors.groupingBy(SourceEntity.MappedField::signature));
        Map<String, List<SourceEntity.MappedField>> addedBySignature = now.fields().stream()
                .filter(f -> !thenFields.contains(f.field())).collect(Collectors.groupingBy(SourceEntity.MappedField::signature));
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, List<SourceEntity.MappedField>> entry : goneBySignature.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            List<SourceEntity.MappedField> news = addedBySignature.getOrDefault(entry.getKey(), List.of());
            if (entry.getValue().size() != 1 || news.size() != 1 || !done.add(entry.getKey())) {
                continue;
            }
            SourceEntity.MappedField before = entry.getValue().get(0);
            SourceEntity.MappedField after = news.get(0);
            if (before.column() != null && after.column() != null && !before.column().equals(after.column())) {
                requests.add(new Renames.Request(new Change.RenameColumn(table, before.column(), after.column()),
                        Renames.Origin.HISTORY, now.file() + ": field " + now.simpleName() + "." + before.field()
                        + " renamed to " + after.field()));
            }
        }
    }

    private static Map<String, SourceEntity> byClass(List<SourceEntity> entities) {
        return entities.stream().collect(Collectors.toMap(SourceEntity::className, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}
