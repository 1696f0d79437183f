package dev.driftless.changelogs;

import dev.driftless.generator.cache.DerivedCache;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import liquibase.changelog.ChangeSet;

/**
 * Applies, rolls back, tags, validates and reports driftless changelogs with Liquibase. This class is the public
 * face; each job lives in a class of its own: {@link ChangelogUpdate} (apply, tag), {@link ChangelogRollback},
 * {@link ChangelogQueries} (status, pending, history), {@link ChangelogChecks} (validate, checksums, missing),
 * {@link ChangelogMarking} (baseline, import) and {@link LiquibaseSession} (building Liquibase around the connection).
 *
 * <p>A changelog directory holds a master changelog ({@value #DEFAULT_MASTER_FILE} unless told otherwise) that
 * includes the changelog files in order. Liquibase reads it through a resource accessor rooted at that directory,
 * so the file names recorded in {@code DATABASECHANGELOG} are relative to it and the same on every machine.
 *
 * <p>Everything that writes (apply, rollback, tag, accept-checksum, mark-applied) first takes the
 * {@link MigrationLock}, a PostgreSQL advisory lock held by this connection's session, so two runs never migrate one
 * database at once and a killed run leaves no lock behind. Each changeset commits together with its
 * {@code DATABASECHANGELOG} row ({@link HoldingConnection}).
 *
 * <p>The connection belongs to the caller, who closes it. Any uncommitted work on it is committed by the first write;
 * its auto-commit mode is restored after every call. The session's {@code application_name} names the run while the
 * lock is held. A runner is not thread-safe: it uses one connection.
 *
 * <p>Liquibase prints nothing: its messages and log go to SLF4J (see {@link QuietLiquibase}). Failures are
 * {@link ChangelogException}s with a short message; the Liquibase exception is their cause.
 */
public final class ChangelogRunner {

    /** The master changelog's name when none is given. */
    public static final String DEFAULT_MASTER_FILE = "db.changelog-master.yaml";

    /** Tables the runner keeps beside the application's, never part of a diff. */
    public static final Set<String> BOOKKEEPING_TABLES =
            Set.of("databasechangelog", "databasechangeloglock", BookkeepingTables.TIMING_TABLE);

    private final LiquibaseSession session;

    /** A runner for {@code changelogDirectory/}{@value #DEFAULT_MASTER_FILE}. */
    public ChangelogRunner(Connection connection, Path changelogDirectory) {
        this(connection, changelogDirectory, DEFAULT_MASTER_FILE);
    }

    /**
     * @param connection         an open connection the caller owns and closes
     * @param changelogDirectory the directory holding the master changelog and the files it includes
     * @param masterFile         the master changelog's path relative to {@code changelogDirectory}
     */
    public ChangelogRunner(Connection connection, Path changelogDirectory, String masterFile) {
        this(new LiquibaseSession(connection, changelogDirectory, masterFile, ChangesetFilter.ALL, LiquibaseExtensions.NONE,
                Bookkeeping.CURRENT));
    }

    private ChangelogRunner(LiquibaseSession session) {
        this.session = session;
    }

    /**
     * This runner reading the changelog with these Liquibase contexts and labels (null: all), as the project's own
     * Liquibase runs it: they select the changesets that status, pending, apply and mark-applied see, and give the
     * context's property values to the text that validate and apply check against the recorded checksums.
     */
    public ChangelogRunner filtered(String contexts, String labels) {
        return filtered(new ChangesetFilter(contexts, labels));
    }

    /** This runner reading the changelog as {@code filter} says: contexts, labels and changelog parameters. */
    public ChangelogRunner filtered(ChangesetFilter filter) {
        return new ChangelogRunner(session.withFilter(filter));
    }

    /**
     * This runner with the project's own Liquibase extensions (its {@code Database}, change types, preconditions), as
     * the project's Liquibase runs with them: a changelog that needs them then reads, checksums and applies as it does
     * there.
     */
    public ChangelogRunner withExtensions(LiquibaseExtensions extensions) {
        return new ChangelogRunner(session.withExtensions(extensions));
    }

    /**
     * This runner keeping the bookkeeping tables ({@code DATABASECHANGELOG}, its lock, driftless's history) in
     * {@code schema}, which must exist, instead of the session's {@code current_schema()}; {@code null} or blank for
     * the current schema. As Spring Boot's {@code spring.liquibase.liquibase-schema}.
     */
    public ChangelogRunner withLiquibaseSchema(String schema) {
        return withBookkeeping(Bookkeeping.of(schema));
    }

    /** This runner keeping its history where, and under the names, {@code bookkeeping} says. */
    public ChangelogRunner withBookkeeping(Bookkeeping bookkeeping) {
        return new ChangelogRunner(session.withBookkeeping(bookkeeping));
    }

    /** The master changelog's path. It need not exist: a fresh project has no changelogs yet. */
    public Path masterChangelog() {
        return session.masterChangelog();
    }

    /** Applies every pending changeset; see {@link #apply(ApplyOptions, RunnerEvents)}. */
    public ApplyResult apply() {
        return apply(ApplyOptions.defaults(), RunnerEvents.NONE);
    }

    /**
     * Applies the pending changesets selected by {@code options} in changelog order, each in its own transaction
     * together with its record, and stops at the first that fails (whose changes are rolled back; the ones before
     * it stay applied). Refuses, before applying anything, when an applied changeset was edited.
     *
     * <p>A changeset marked {@code runInTransaction:false} runs outside a transaction; an invalid index left by an
     * earlier failed {@code CREATE INDEX CONCURRENTLY} of it is dropped first.
     *
     * <p>Each attempt leaves a row in driftless's history ({@link #attempts()}): a success in the changeset's own
     * transaction, a failure right after Liquibase rolled the changeset back, in its own.
     *
     * @return what was planned and applied; nothing when the master changelog does not exist
     * @throws ChangelogException naming the failing file and changeset, its SQL and the database's error; or who holds
     *                            the lock when it was not free within the lock timeout
     */
    public ApplyResult apply(ApplyOptions given, RunnerEvents events) {
        ChangesetFilter effective = session.filter().or(given.contexts(), given.labels());
        LiquibaseSession applying = session.withFilter(effective);
        return new ChangelogUpdate(applying).apply(given.withFilters(effective.contexts(), effective.labels()), events);
    }

    /**
     * Every changeset of the changelog, in changelog order, with whether it has been applied.
     * Empty when the master changelog does not exist. Reads only: creates no Liquibase table.
     */
    public List<ChangesetStatus> status() {
        return new ChangelogQueries(session).status();
    }

    /** The changesets {@link #apply()} would apply, in order. Empty when the master changelog does not exist. */
    public List<ChangesetRef> pending() {
        return status().stream().filter(ChangesetStatus::pending).map(ChangesetStatus::changeset).toList();
    }

    /**
     * As {@link #pending()}; when {@code DATABASECHANGELOG} records every changeset of the (cached) {@link ChangelogIndex}
     * exactly, answers "none" without Liquibase parsing the changelog. Anything less certain asks Liquibase.
     */
    public List<ChangesetRef> pending(DerivedCache cache) {
        return new ChangelogQueries(session).pending(cache);
    }

    /** As {@link #status()}, through the {@link ChangelogIndex} when it shows every changeset applied. */
    public List<ChangesetStatus> status(DerivedCache cache) {
        return new ChangelogQueries(session).status(cache);
    }

    /**
     * The changesets of the (cached) {@link ChangelogIndex} that {@code DATABASECHANGELOG} does not record exactly: every
     * changeset an apply could run is among them. {@code null} when that cannot be told without Liquibase.
     */
    public List<ChangelogIndex.Entry> unrecorded(DerivedCache cache) {
        return new ChangelogQueries(session).unrecorded(cache);
    }

    /**
     * The applied changesets, oldest first, as {@code DATABASECHANGELOG} records them, with the execution time
     * driftless recorded. Reads only; works without a changelog.
     */
    public List<HistoryEntry> history() {
        return new ChangelogQueries(session).history();
    }

    /**
     * Every apply attempt (successful or failed) and every rollback driftless recorded, oldest first: what
     * {@code DATABASECHANGELOG} forgets (Liquibase deletes a rolled-back changeset's row and records no failure).
     * Reads only; empty before driftless's first apply.
     */
    public List<AuditEntry> attempts() {
        return new ChangelogQueries(session).attempts();
    }

    /** Rolls back the {@code count} most recently applied changesets; see {@link #rollback(RollbackTarget, boolean)}. */
    public RollbackResult rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        return rollback(new RollbackTarget.Count(count), false);
    }

    public RollbackResult rollback(RollbackTarget target, boolean dryRun) {
        return rollback(target, dryRun, ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE);
    }

    /**
     * Rolls back the applied changesets in range, newest first, each with its rollback SQL in its own transaction.
     *
     * <p>Before changing anything it checks all of them and refuses when the range cannot be had (too few applied,
     * an unknown tag), when one is no longer in the changelog, or when one has no rollback, naming it.
     *
     * @throws ChangelogException when refusing or when a rollback fails
     */
    public RollbackResult rollback(RollbackTarget target, boolean dryRun, Duration lockTimeout, RunnerEvents events) {
        return rollback(target, dryRun, lockTimeout, events, null);
    }

    /**
     * As {@link #rollback(RollbackTarget, boolean, Duration, RunnerEvents)}, recording {@code reason}
     * ({@code rollback --reason}) with each rolled-back changeset in the history.
     */
    public RollbackResult rollback(RollbackTarget target, boolean dryRun, Duration lockTimeout, RunnerEvents events,
                                   String reason) {
        return new ChangelogRollback(session).rollback(target, dryRun, lockTimeout, events, reason);
    }

    /**
     * Tags the most recently applied changeset, so {@code rollback --to-tag} can return to this point.
     *
     * @return the changeset now carrying the tag
     * @throws ChangelogException when nothing is applied or the tag already marks an earlier changeset
     */
    public ChangesetRef tag(String tag) {
        Objects.requireNonNull(tag, "tag");
        return new ChangelogUpdate(session).tag(tag);
    }

    /**
     * Checks the changelog's structure, that no changeset id is used twice, and that every applied changeset is still
     * the text that was applied. Reads only.
     */
    public ValidationResult validate() {
        return new ChangelogChecks(session).validate();
    }

    /** The applied changesets no longer in the changelog, and another changelog's rows; reads only. */
    public MissingChangesets missing() {
        return new ChangelogChecks(session).missing();
    }

    /**
     * Records that an applied changeset's edit is deliberate: its recorded checksum becomes that of its current text,
     * as Flyway's repair does. Nothing in the schema changes.
     *
     * @param changeset {@code id}, {@code file::id} or {@code file::id::author}
     * @return the changeset whose checksum was accepted
     */
    public ChangesetRef acceptChecksum(String changeset) {
        return new ChangelogChecks(session).acceptChecksum(changeset);
    }

    /**
     * Records every pending changeset as applied without running it (Liquibase's changelog-sync): for a baseline
     * that describes what the database already has, or imported migrations that already ran.
     *
     * @return the changesets marked applied, in order
     */
    public List<ChangesetRef> markApplied() {
        return new ChangelogMarking(session).markAll();
    }

    /**
     * Records one pending changeset as applied without running it: for a changeset whose work is already in the
     * database (a non-transactional one killed after it committed, before it was recorded). Like
     * {@link #acceptChecksum}, the caller vouches that the database matches it.
     *
     * @param changeset ID, FILE::ID or FILE::ID::AUTHOR
     * @throws ChangelogException when no pending changeset matches (unknown, already applied, or not selected)
     */
    public ChangesetRef markApplied(String changeset) {
        return new ChangelogMarking(session).markOne(changeset);
    }

    /**
     * Records as applied, without running them, the pending changesets {@code which} accepts: for imported migrations
     * of which another tool's history says exactly which ran. The others stay pending.
     *
     * @return the changesets marked applied, in changelog order
     */
    public List<ChangesetRef> markApplied(Predicate<ChangesetRef> which) {
        return new ChangelogMarking(session).markWhere(which);
    }

    static ChangesetRef ref(ChangeSet changeSet) {
        return ChangesetSelection.ref(changeSet);
    }
}
