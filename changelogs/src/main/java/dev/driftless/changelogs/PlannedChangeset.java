package dev.driftless.changelogs;

import java.util.List;
import java.util.Objects;

/**
 * A changeset an apply or a rollback is about to run, with the exact SQL statements it will send.
 *
 * @param comment          the changeset's {@code comment}, or empty
 * @param sql              the statements in the order they will be sent (for a rollback: the rollback statements)
 * @param runInTransaction false for changesets marked {@code runInTransaction:false} (CREATE INDEX CONCURRENTLY…)
 * @param destructive      the comment starts with {@code DESTRUCTIVE:}, as driftless writes for changes that lose data
 */
public record PlannedChangeset(ChangesetRef changeset, String comment, List<String> sql, boolean runInTransaction,
                               boolean destructive) {

    /** The marker {@code ChangelogRenderer} writes at the start of a data-losing changeset's comment. */
    public static final String DESTRUCTIVE_MARKER = "DESTRUCTIVE:";

    /** Whether a changeset with this comment loses data, by driftless's marker. */
    public static boolean isDestructive(String comment) {
        return comment != null && comment.strip().startsWith(DESTRUCTIVE_MARKER);
    }

    public PlannedChangeset {
        Objects.requireNonNull(changeset, "changeset");
        comment = comment == null ? "" : comment;
        sql = List.copyOf(sql);
    }
}
