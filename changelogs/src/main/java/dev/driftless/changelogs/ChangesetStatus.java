package dev.driftless.changelogs;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether one changeset of the changelog has been applied to the database.
 *
 * @param changeset which changeset
 * @param applied   true when {@code DATABASECHANGELOG} records it as applied
 * @param appliedAt when it was applied; {@code null} when pending
 * @param tag       the Liquibase tag recorded on it; {@code null} when it has none or is pending
 * @param reapplied true when it is applied and driftless's history records that it was rolled back before
 */
public record ChangesetStatus(ChangesetRef changeset, boolean applied, Instant appliedAt, String tag, boolean reapplied) {

    public ChangesetStatus(ChangesetRef changeset, boolean applied, Instant appliedAt, String tag) {
        this(changeset, applied, appliedAt, tag, false);
    }

    public ChangesetStatus {
        Objects.requireNonNull(changeset, "changeset");
        if (!applied && (appliedAt != null || tag != null)) {
            throw new IllegalArgumentException("a pending changeset has no applied-at time or tag: " + changeset);
        }
        if (reapplied && !applied) {
            throw new IllegalArgumentException("a pending changeset is not re-applied: " + changeset);
        }
    }

    /** A changeset that has not been applied yet. */
    public static ChangesetStatus notApplied(ChangesetRef changeset) {
        return new ChangesetStatus(changeset, false, null, null);
    }

    public ChangesetStatus withReapplied(boolean value) {
        return new ChangesetStatus(changeset, applied, appliedAt, tag, value);
    }

    /** The opposite of {@link #applied()}. */
    public boolean pending() {
        return !applied;
    }
}
