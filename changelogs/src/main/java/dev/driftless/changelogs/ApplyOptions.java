package dev.driftless.changelogs;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ChangelogRunner#apply(ApplyOptions, RunnerEvents)} runs.
 *
 * @param contexts    Liquibase context expression; {@code null} runs changesets of every context
 * @param labels      Liquibase label expression; {@code null} runs changesets of every label
 * @param toChangeset apply up to and including this changeset ({@code id}, {@code file::id} or
 *                    {@code file::id::author}); {@code null} applies everything pending
 * @param tag         tag the database with this after applying; {@code null} for none
 * @param dryRun      only plan: return the SQL that would run and change nothing
 * @param lockTimeout how long to wait for another run's migration lock before giving up
 * @param ignoreMissing apply even when an applied changeset is no longer in the changelog
 * @param reason      why this apply runs ({@code --reason}), recorded with each attempt in the history; or {@code null}
 */
public record ApplyOptions(String contexts, String labels, String toChangeset, String tag, boolean dryRun,
                           Duration lockTimeout, boolean ignoreMissing, String reason) {

    /** Long enough for a normal release's migrations to finish, short enough that a stuck pipeline fails visibly. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(3);

    public ApplyOptions(String contexts, String labels, String toChangeset, String tag, boolean dryRun,
                        Duration lockTimeout) {
        this(contexts, labels, toChangeset, tag, dryRun, lockTimeout, false);
    }

    public ApplyOptions(String contexts, String labels, String toChangeset, String tag, boolean dryRun,
                        Duration lockTimeout, boolean ignoreMissing) {
        this(contexts, labels, toChangeset, tag, dryRun, lockTimeout, ignoreMissing, null);
    }

    public ApplyOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout is negative: " + lockTimeout);
        }
    }

    /** Everything pending, no tag, for real, waiting the default time for the lock. */
    public static ApplyOptions defaults() {
        return new ApplyOptions(null, null, null, null, false, DEFAULT_LOCK_TIMEOUT);
    }

    public ApplyOptions withDryRun(boolean value) {
        return new ApplyOptions(contexts, labels, toChangeset, tag, value, lockTimeout, ignoreMissing, reason);
    }

    public ApplyOptions withTag(String value) {
        return new ApplyOptions(contexts, labels, toChangeset, value, dryRun, lockTimeout, ignoreMissing, reason);
    }

    public ApplyOptions withTo(String value) {
        return new ApplyOptions(contexts, labels, value, tag, dryRun, lockTimeout, ignoreMissing, reason);
    }

    public ApplyOptions withFilters(String contextExpression, String labelExpression) {
        return new ApplyOptions(contextExpression, labelExpression, toChangeset, tag, dryRun, lockTimeout, ignoreMissing, reason);
    }

    public ApplyOptions withLockTimeout(Duration value) {
        return new ApplyOptions(contexts, labels, toChangeset, tag, dryRun, value, ignoreMissing, reason);
    }

    public ApplyOptions withIgnoreMissing(boolean value) {
        return new ApplyOptions(contexts, labels, toChangeset, tag, dryRun, lockTimeout, value, reason);
    }

    public ApplyOptions withReason(String value) {
        return new ApplyOptions(contexts, labels, toChangeset, tag, dryRun, lockTimeout, ignoreMissing, value);
    }
}
