package dev.driftless.generator.entity;

import dev.driftless.model.Change;
import dev.driftless.model.Column;
import dev.driftless.model.IdColumn;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a new sequence start after the ids already in the tables it is to feed. A table whose ids came from a
 * {@code serial} column or an older sequence ({@code hibernate_sequence}) holds ids from 1 up; a new {@code <entity>_seq}
 * created {@code START WITH 1} would hand the application those same ids again, and its inserts would fail on the
 * primary key (or, without one, duplicate). Tables the diff creates are empty and need nothing.
 */
public final class SequenceStarts {

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint", "numeric");

    private SequenceStarts() {
    }

    /** @param actual the target database as it is, before the changes */
    public static List<Change> apply(List<Change> changes, List<SequenceIdColumn> sequenceIds, Schema actual) {
        return changes.stream().map(change -> change instanceof Change.CreateSequence create
                && create.startsAfter().isEmpty() && create.sequence().increment() > 0
                ? (Change) create.withStartsAfter(existingIds(create, sequenceIds, changes, actual)) : change).toList();
    }

    private static List<IdColumn> existingIds(Change.CreateSequence create, List<SequenceIdColumn> sequenceIds,
                                              List<Change> changes, Schema actual) {
        List<IdColumn> columns = new ArrayList<>();
        for (SequenceIdColumn id : sequenceIds) {
            IdColumn column = new IdColumn(id.table(), id.column());
            if (id.sequence().equals(create.sequence().name()) && !columns.contains(column)
                    && holdsIds(id.table(), id.column(), changes, actual)) {
                columns.add(column);
            }
        }
        return columns;
    }

    /**
     * Whether the table is there with integer ids when the sequence is created: renames run before new sequences, so
     * a table or column the diff renames counts under its new name.
     */
    private static boolean holdsIds(QualifiedName table, String column, List<Change> changes, Schema actual) {
        QualifiedName before = changes.stream().filter(c -> c instanceof Change.RenameTable r && r.to().equals(table))
                .map(c -> ((Change.RenameTable) c).from()).findFirst().orElse(table);
        String columnBefore = changes.stream()
                .filter(c -> c instanceof Change.RenameColumn r && r.table().equals(table) && r.to().equals(column))
                .map(c -> ((Change.RenameColumn) c).from()).findFirst().orElse(column);
        Optional<Column> existing = actual.table(before).flatMap(t -> t.column(columnBefore));
        return existing.isPresent() && INTEGERS.contains(dev.driftless.model.TypeChange.base(existing.get().type()));
    }
}
