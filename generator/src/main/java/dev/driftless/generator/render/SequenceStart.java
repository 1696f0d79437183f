package dev.driftless.generator.render;

import dev.driftless.model.IdColumn;
import dev.driftless.model.Sequence;
import java.util.List;

/**
 * The statement that moves a new sequence past the ids a table already holds. The largest id is read when the
 * changeset runs, not when it was written: rows added in between count.
 *
 * <p>{@code setval(seq, v, false)} makes the next {@code nextval} return {@code v}. Hibernate's pooled optimizer
 * (its default for an increment above 1) takes that value as the top of its first block and hands out
 * {@code v - increment + 1 .. v}; pooled-lo hands out {@code v .. v + increment - 1}; with increment 1 the id is
 * {@code v} itself. {@code v = max(id) + increment} puts all three above every existing id. {@code GREATEST} skips the
 * {@code NULL} of an empty table, so an empty table leaves the sequence at its start.
 */
final class SequenceStart {

    private SequenceStart() {
    }

    /** The {@code SELECT setval(…)} to follow the {@code CREATE SEQUENCE}, with a leading newline; empty when nothing to pass. */
    static String after(Sequence sequence, List<IdColumn> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        StringBuilder value = new StringBuilder("GREATEST(").append(sequence.start());
        for (IdColumn column : columns) {
            value.append(", (SELECT max(").append(Identifiers.quote(column.column())).append(") FROM ")
                    .append(SqlRenderer.name(column.table())).append(") + ").append(sequence.increment());
        }
        value.append(')');
        return "\nSELECT setval('" + SqlRenderer.name(sequence.name()).replace("'", "''") + "', " + value + ", false);";
    }
}
