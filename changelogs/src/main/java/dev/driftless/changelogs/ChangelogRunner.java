package dev.driftless.changelogs;

import dev.driftless.generator.cache.DerivedCache;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.FastCheckService;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.ChecksumVersion;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.TagCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.ValidationFailedException;
import liquibase.executor.ExecutorService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/**
 * Applies, rolls back, tags, validates and reports driftless changelogs with Liquibase.
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

    private final Connection connection;
    private final Path changelogDirectory;
    private final String masterFile;
    private final ChangesetFilter filter;

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
        this(connection, changelogDirectory, masterFile, ChangesetFilter.ALL);
    }

    private ChangelogRunner(Connection connection, Path changelogDirectory, String masterFile, ChangesetFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.changelogDirectory = Objects.requireNonNull(changelogDirectory, "changelogDirectory").toAbsolutePath().normalize();
        this.masterFile = Objects.requireNonNull(masterFile, "masterFile").replace('\\', '/');
        if (this.masterFile.isBlank()) {
            throw new IllegalArgumentException("masterFile is blank");
        }
    }

    /**
     * This runner reading the changelog with these Liquibase contexts and labels (null: all), as the project's own
     * Liquibase runs it: they select the changesets that status, pending, apply and mark-applied see, and give the
     * context's property values to the text that validate and apply check against the recorded checksums.
     */
    public ChangelogRunner filtered(String contexts, String labels) {
        return new ChangelogRunner(connection, changelogDirectory, masterFile, new ChangesetFilter(contexts, labels));
    }

    /** The master changelog's path. It need not exist: a fresh project has no changelogs yet. */
    public Path masterChangelog() {
        return changelogDirectory.resolve(masterFile);
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
     * @return what was planned and applied; nothing when the master changelog does not exist
     * @throws ChangelogException naming the failing file and changeset, its SQL and the database's error; or who holds
     *                            the lock when it was not free within the lock timeout
     */
    public ApplyResult apply(ApplyOptions given, RunnerEvents events) {
        ChangesetFilter effective = filter.or(given.contexts(), given.labels());
        if (!effective.equals(filter)) {
            return new ChangelogRunner(connection, changelogDirectory, masterFile, effective).apply(given, events);
        }
        ApplyOptions options = given.withFilters(filter.contexts(), filter.labels());
        if (!hasMasterChangelog()) {
            return new ApplyResult(List.of(), List.of(), options.dryRun(), null, List.of());
        }
        return withLiquibase("apply changelog", (database, changelog, parameters, holding) -> {
            // Liquibase's JVM-wide FastCheckService remembers "up to date" per connection URL and master file name,
            // not per changelog content, and would skip changesets added since. Ask the database every time.
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            if (options.dryRun()) {
                requireValid(database, changelog, options.ignoreMissing());
                List<PlannedChangeset> plan = planned(select(database, changelog, options), database, false);
                return new ApplyResult(plan, List.of(), true, options.tag(), List.of());
            }
            try (MigrationLock lock = MigrationLock.acquire(connection, "apply", options.lockTimeout(), events)) {
                List<String> notes = new ArrayList<>();
                new BookkeepingTables(connection).releaseStaleLiquibaseLock().ifPresent(n -> note(n, notes, events));
                requireValid(database, changelog, options.ignoreMissing());
                List<PlannedChangeset> plan = planned(select(database, changelog, options), database, false);
                List<ExecutedChangeset> applied = plan.isEmpty() ? List.of()
                        : update(database, changelog, parameters, holding, options, plan, notes, events);
                if (options.tag() != null) {
                    tagLatest(database, options.tag());
                }
                return new ApplyResult(plan, applied, false, options.tag(), notes);
            }
        });
    }

    private List<ExecutedChangeset> update(Database database, DatabaseChangeLog changelog, ChangeLogParameters parameters,
                                           HoldingConnection holding, ApplyOptions options, List<PlannedChangeset> plan,
                                           List<String> notes, RunnerEvents events) throws Exception {
        for (PlannedChangeset planned : plan) {
            if (!planned.runInTransaction()) {
                InvalidIndexes.dropBefore(connection, planned.sql()).forEach(n -> note(n, notes, events));
            }
        }
        Recorder recorder = new Recorder(plan, holding, new BookkeepingTables(connection), events);
        try {
            new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, masterFile)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changelog)
                    .addArgumentValue(UpdateCountCommandStep.CHANGELOG_PARAMETERS, parameters)
                    .addArgumentValue(UpdateCountCommandStep.CONTEXTS_ARG, options.contexts())
                    .addArgumentValue(UpdateCountCommandStep.LABEL_FILTER_ARG, options.labels())
                    .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, plan.size())
                    .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute();
        } catch (Exception e) {
            throw recorder.failure("Changeset", e);
        } finally {
            holding.hold(false);
        }
        return recorder.executed;
    }

    /**
     * Every changeset of the changelog, in changelog order, with whether it has been applied.
     * Empty when the master changelog does not exist. Reads only: creates no Liquibase table.
     */
    public List<ChangesetStatus> status() {
        if (!hasMasterChangelog()) {
            return List.of();
        }
        return withLiquibase("read changelog status", (database, changelog, parameters, holding) -> {
            Map<String, List<RanChangeSet>> ran = byIdAndAuthor(ranChangesets(database));
            Set<ChangeSet> toRun = new HashSet<>(select(database, changelog, ApplyOptions.defaults()));
            List<ChangesetStatus> statuses = new ArrayList<>();
            for (ChangeSet changeSet : changelog.getChangeSets()) {
                if (!selected(changeSet, database)) {
                    continue; // another context's or label's: not this run's to apply, as in Liquibase's status
                }
                ChangesetRef ref = ref(changeSet);
                if (toRun.contains(changeSet)) {
                    statuses.add(ChangesetStatus.notApplied(ref)); // never run, or runOnChange and changed
                    continue;
                }
                statuses.add(ran.getOrDefault(idAndAuthor(changeSet.getId(), changeSet.getAuthor()), List.of()).stream()
                        .filter(r -> r.isSameAs(changeSet))
                        .findFirst()
                        .map(r -> new ChangesetStatus(ref, true,
                                r.getDateExecuted() == null ? null : r.getDateExecuted().toInstant(), r.getTag()))
                        .orElseGet(() -> ChangesetStatus.notApplied(ref)));
            }
            return List.copyOf(statuses);
        });
    }

    /**
     * The applied changesets grouped by id and author, the first two things {@link RanChangeSet#isSameAs} compares:
     * matching every changeset against every applied one made status quadratic (minutes at 10 000 changesets).
     */
    private static Map<String, List<RanChangeSet>> byIdAndAuthor(List<RanChangeSet> ran) {
        Map<String, List<RanChangeSet>> grouped = new java.util.HashMap<>();
        ran.forEach(r -> grouped.computeIfAbsent(idAndAuthor(r.getId(), r.getAuthor()), k -> new ArrayList<>()).add(r));
        return grouped;
    }

    /** Liquibase compares ids and authors with {@code equalsIgnoreCase}; this key is equal exactly when that is. */
    private static String idAndAuthor(String id, String author) {
        return caseFolded(String.valueOf(id)) + '\u0000' + caseFolded(String.valueOf(author));
    }

    /** Per character, as {@link String#equalsIgnoreCase} compares (a whole-string toLowerCase differs for some scripts). */
    private static String caseFolded(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.chars().forEach(c -> folded.append(Character.toLowerCase(Character.toUpperCase((char) c))));
        return folded.toString();
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
        Recorded recorded = recorded(cache);
        return recorded != null && recorded.unrecorded().isEmpty() ? List.of() : pending();
    }

    /** As {@link #status()}, through the {@link ChangelogIndex} when it shows every changeset applied. */
    public List<ChangesetStatus> status(DerivedCache cache) {
        Recorded recorded = recorded(cache);
        if (recorded == null || !recorded.unrecorded().isEmpty()) {
            return status();
        }
        return recorded.index().entries().stream().map(e -> new ChangesetStatus(e.changeset(), true, null, null)).toList();
    }

    /**
     * The changesets of the (cached) {@link ChangelogIndex} that {@code DATABASECHANGELOG} does not record exactly: every
     * changeset an apply could run is among them. {@code null} when that cannot be told without Liquibase.
     */
    public List<ChangelogIndex.Entry> unrecorded(DerivedCache cache) {
        Recorded recorded = recorded(cache);
        return recorded == null ? null : recorded.unrecorded();
    }

    /** The changelog's index and its changesets {@code DATABASECHANGELOG} does not record exactly. */
    private record Recorded(ChangelogIndex index, List<ChangelogIndex.Entry> unrecorded) {
    }

    /** {@code null} when it cannot be told without Liquibase, whose own answer (or error) then follows. */
    private Recorded recorded(DerivedCache cache) {
        if (!hasMasterChangelog()) {
            return new Recorded(new ChangelogIndex(List.of()), List.of());
        }
        try {
            ChangelogIndex index = ChangelogIndex.of(changelogDirectory, masterFile, filter, connection, cache);
            return new Recorded(index, index.unrecorded(ChangelogIndex.applied(connection)));
        } catch (SQLException | ChangelogException e) {
            return null;
        }
    }

    /**
     * The applied changesets, oldest first, as {@code DATABASECHANGELOG} records them, with the execution time
     * driftless recorded. Reads only; works without a changelog.
     */
    public List<HistoryEntry> history() {
        return withLiquibase("read the history", null, (database, changelog, parameters, holding) -> {
            Map<ChangesetRef, Duration> timings = new BookkeepingTables(connection).timings();
            List<HistoryEntry> entries = new ArrayList<>();
            for (RanChangeSet r : ranChangesets(database)) {
                ChangesetRef ref = new ChangesetRef(r.getChangeLog(), r.getId(), r.getAuthor());
                entries.add(new HistoryEntry(ref, r.getDateExecuted() == null ? null : r.getDateExecuted().toInstant(),
                        timings.get(ref), r.getTag(), r.getExecType() == null ? null : r.getExecType().name(),
                        r.getOrderExecuted() == null ? 0 : r.getOrderExecuted(), r.getComments()));
            }
            return List.copyOf(entries);
        });
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
        Objects.requireNonNull(target, "target");
        if (!hasMasterChangelog()) {
            throw new ChangelogException("Cannot roll back: there is no changelog at " + masterChangelog());
        }
        return withLiquibase("roll back", (database, changelog, parameters, holding) -> {
            if (dryRun) {
                return new RollbackResult(rollbackPlan(target, database, changelog), List.of(), true);
            }
            try (MigrationLock lock = MigrationLock.acquire(connection, "rollback", lockTimeout, events)) {
                new BookkeepingTables(connection).releaseStaleLiquibaseLock().ifPresent(events::note);
                List<PlannedChangeset> plan = rollbackPlan(target, database, changelog);
                if (plan.isEmpty()) {
                    return new RollbackResult(plan, List.of(), false);
                }
                Recorder recorder = new Recorder(plan, holding, null, events);
                try {
                    new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, masterFile)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changelog)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                            .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, recorder)
                            .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, plan.size())
                            .setOutput(OutputStream.nullOutputStream())
                            .execute();
                } catch (Exception e) {
                    throw recorder.failure("Rollback of changeset", e);
                } finally {
                    holding.hold(false);
                }
                return new RollbackResult(plan, recorder.executed, false);
            }
        });
    }

    /**
     * The changesets {@code target} covers, newest first, with their rollback SQL; refuses unless Liquibase's
     * rollbackCount would undo exactly these rows of {@code DATABASECHANGELOG} and each has a rollback. (Liquibase
     * itself would silently skip applied changesets missing from the changelog, and would fail only on reaching one
     * without a rollback, after undoing the newer ones.)
     */
    private List<PlannedChangeset> rollbackPlan(RollbackTarget target, Database database, DatabaseChangeLog changelog)
            throws Exception {
        List<RanChangeSet> ran = ranChangesets(database);
        List<RanChangeSet> newestFirst = new ArrayList<>(ran.subList(ran.size() - inRange(target, ran), ran.size()));
        Collections.reverse(newestFirst);
        List<ChangeSet> changeSets = new ArrayList<>();
        for (RanChangeSet applied : newestFirst) {
            ChangeSet changeSet = changelog.getChangeSet(applied);
            if (changeSet == null) {
                throw new ChangelogException("Cannot roll back " + target.describe() + ": changeset " + applied.getId()
                        + " in " + applied.getChangeLog() + " is applied but no longer in the changelog, so its rollback is unknown",
                        new ChangesetRef(applied.getChangeLog(), applied.getId(), applied.getAuthor()), null);
            }
            if (!hasRollback(changeSet, database)) {
                throw new ChangelogException("Cannot roll back " + target.describe() + ": changeset " + changeSet.getId()
                        + " in " + changeSet.getFilePath() + " has no rollback (add a '-- rollback' line, or"
                        + " '-- rollback empty' if there is nothing to undo). Nothing was rolled back.", ref(changeSet), null);
            }
            changeSets.add(changeSet);
        }
        return planned(changeSets, database, true);
    }

    /** How many of the newest applied changesets {@code target} covers. */
    private static int inRange(RollbackTarget target, List<RanChangeSet> ran) {
        if (target instanceof RollbackTarget.Count count) {
            if (ran.size() < count.count()) {
                throw new ChangelogException("Cannot roll back " + count.count() + " changeset" + (count.count() == 1 ? "" : "s")
                        + ": only " + ran.size() + " " + (ran.size() == 1 ? "is" : "are") + " applied");
            }
            return count.count();
        }
        if (target instanceof RollbackTarget.ToTag toTag) {
            for (int i = ran.size() - 1; i >= 0; i--) {
                if (toTag.tag().equals(ran.get(i).getTag())) {
                    return ran.size() - 1 - i;
                }
            }
            List<String> tags = ran.stream().map(RanChangeSet::getTag).filter(Objects::nonNull).toList();
            throw new ChangelogException("Cannot roll back to tag " + toTag.tag() + ": no applied changeset carries it"
                    + (tags.isEmpty() ? " (the database has no tags; set one with driftless tag)" : " (tags: " + String.join(", ", tags) + ")"));
        }
        Date date = Date.from(((RollbackTarget.ToDate) target).instant());
        int count = 0;
        for (int i = ran.size() - 1; i >= 0 && ran.get(i).getDateExecuted() != null && ran.get(i).getDateExecuted().after(date); i--) {
            count++;
        }
        return count;
    }

    /**
     * Tags the most recently applied changeset, so {@code rollback --to-tag} can return to this point.
     *
     * @return the changeset now carrying the tag
     * @throws ChangelogException when nothing is applied or the tag already marks an earlier changeset
     */
    public ChangesetRef tag(String tag) {
        Objects.requireNonNull(tag, "tag");
        return withLiquibase("tag the database", null, (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(connection, "tag", ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                return tagLatest(database, tag);
            }
        });
    }

    private ChangesetRef tagLatest(Database database, String tag) throws Exception {
        List<RanChangeSet> ran = ranChangesets(database);
        if (ran.isEmpty()) {
            throw new ChangelogException("Cannot tag the database " + tag + ": no changeset is applied yet");
        }
        RanChangeSet latest = ran.get(ran.size() - 1);
        ChangesetRef latestRef = new ChangesetRef(latest.getChangeLog(), latest.getId(), latest.getAuthor());
        for (RanChangeSet r : ran) {
            if (tag.equals(r.getTag()) && r != latest) {
                throw new ChangelogException("Tag " + tag + " already marks changeset " + r.getId() + " in " + r.getChangeLog()
                        + "; a tag names one point in the history, choose another name");
            }
        }
        if (!tag.equals(latest.getTag())) {
            new CommandScope(TagCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(TagCommandStep.TAG_ARG, tag)
                    .setOutput(OutputStream.nullOutputStream())
                    .execute();
        }
        return latestRef;
    }

    /**
     * Checks the changelog's structure, that no changeset id is used twice, and that every applied changeset is still
     * the text that was applied. Reads only.
     */
    public ValidationResult validate() {
        if (!hasMasterChangelog()) {
            return new ValidationResult(0, 0, List.of());
        }
        try {
            return withLiquibase("validate the changelog", (database, changelog, parameters, holding) ->
                    validate(database, changelog));
        } catch (ChangelogException e) {
            if (causedBy(e, ChangeLogParseException.class)) {
                return new ValidationResult(0, 0, List.of(new ValidationResult.Problem(ValidationResult.Kind.STRUCTURE, null,
                        e.getMessage().replaceFirst("^Cannot validate the changelog: ", ""))));
            }
            throw e;
        }
    }

    private ValidationResult validate(Database database, DatabaseChangeLog changelog) throws Exception {
        List<ValidationResult.Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            if (!seen.add(ref(changeSet).toString())) {
                problems.add(new ValidationResult.Problem(ValidationResult.Kind.DUPLICATE_ID, ref(changeSet),
                        "changeset id " + changeSet.getId() + " (author " + changeSet.getAuthor() + ") appears more than once in "
                                + changeSet.getFilePath() + "; give each changeset its own id"));
            }
        }
        List<RanChangeSet> ran = ranChangesets(database);
        MissingChangesets missing = MissingChangesets.of(ran, changelog, changelogDirectory);
        for (ChangesetRef ref : missing.missing()) {
            problems.add(new ValidationResult.Problem(ValidationResult.Kind.MISSING, ref, "changeset " + ref.id() + " in "
                    + ref.file() + " is applied but no longer in the changelog (it cannot be rolled back)"));
        }
        for (RanChangeSet applied : ran) {
            ChangeSet changeSet = changelog.getChangeSet(applied);
            ChangesetRef ref = new ChangesetRef(applied.getChangeLog(), applied.getId(), applied.getAuthor());
            if (changeSet != null && edited(changeSet, applied)) {
                problems.add(new ValidationResult.Problem(ValidationResult.Kind.CHECKSUM, ref, "changeset " + ref.id() + " in "
                        + ref.file() + " was edited after it was applied (checksum was " + applied.getLastCheckSum() + ", is now "
                        + changeSet.generateCheckSum(ChecksumVersion.latest()) + "). Undo the edit and write a new changeset"
                        + " instead; if the edit is deliberate and the database already matches it, run: driftless"
                        + " accept-checksum " + ref.file() + "::" + ref.id()));
            }
        }
        if (problems.isEmpty()) {
            try {
                changelog.validate(database, filter.liquibaseContexts(), filter.liquibaseLabels());
            } catch (ValidationFailedException e) {
                problems.add(new ValidationResult.Problem(ValidationResult.Kind.STRUCTURE, null, Failures.describe(e)));
            }
        }
        String others = missing.describeOtherChangelogs(changelogDirectory);
        return new ValidationResult(changelog.getChangeSets().size(), ran.size(), problems,
                others.isEmpty() ? List.of() : List.of(others));
    }

    private static boolean edited(ChangeSet changeSet, RanChangeSet applied) {
        CheckSum recorded = applied.getLastCheckSum();
        return recorded != null && !changeSet.shouldRunOnChange() && !changeSet.isCheckSumValid(recorded);
    }

    /**
     * Apply refuses to start on a changelog that does not validate, and on an applied changeset missing from it unless
     * told to ignore those.
     */
    private void requireValid(Database database, DatabaseChangeLog changelog, boolean ignoreMissing) throws Exception {
        List<ValidationResult.Problem> blocking = validate(database, changelog).problems().stream()
                .filter(p -> !ignoreMissing || p.kind() != ValidationResult.Kind.MISSING).toList();
        if (!blocking.isEmpty()) {
            ValidationResult.Problem first = blocking.get(0);
            throw new ChangelogException("Nothing was applied: " + first.message()
                    + (first.kind() == ValidationResult.Kind.MISSING ? "; restore it, or pass --ignore-missing to apply anyway" : "")
                    + (blocking.size() > 1 ? " (and " + (blocking.size() - 1) + " more problem(s): run driftless validate-changelog)" : ""),
                    first.changeset(), null);
        }
    }

    /** The applied changesets no longer in the changelog, and another changelog's rows; reads only. */
    public MissingChangesets missing() {
        if (!hasMasterChangelog()) {
            return MissingChangesets.NONE;
        }
        return withLiquibase("read the applied changesets", (database, changelog, parameters, holding) ->
                MissingChangesets.of(ranChangesets(database), changelog, changelogDirectory));
    }

    /**
     * Records that an applied changeset's edit is deliberate: its recorded checksum becomes that of its current text,
     * as Flyway's repair does. Nothing in the schema changes.
     *
     * @param changeset {@code id}, {@code file::id} or {@code file::id::author}
     * @return the changeset whose checksum was accepted
     */
    public ChangesetRef acceptChecksum(String changeset) {
        if (!hasMasterChangelog()) {
            throw new ChangelogException("Cannot accept a checksum: there is no changelog at " + masterChangelog());
        }
        return withLiquibase("accept the checksum", (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(connection, "accept-checksum", ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                ChangeSet found = find(changelog, changeset);
                RanChangeSet applied = ranChangesets(database).stream().filter(r -> r.isSameAs(found)).findFirst()
                        .orElseThrow(() -> new ChangelogException("Changeset " + found.getId() + " in " + found.getFilePath()
                                + " is not applied: there is no checksum to accept; apply it instead", ref(found), null));
                if (edited(found, applied)) {
                    new BookkeepingTables(connection).replaceChecksum(ref(found),
                            found.generateCheckSum(ChecksumVersion.latest()).toString());
                }
                return ref(found);
            }
        });
    }

    /**
     * Records every pending changeset as applied without running it (Liquibase's changelog-sync): for a baseline
     * that describes what the database already has, or imported migrations that already ran.
     *
     * @return the changesets marked applied, in order
     */
    public List<ChangesetRef> markApplied() {
        if (!hasMasterChangelog()) {
            return List.of();
        }
        return withLiquibase("mark the changesets applied", (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(connection, "baseline", ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                new BookkeepingTables(connection).releaseStaleLiquibaseLock();
                List<ChangesetRef> pending = select(database, changelog, ApplyOptions.defaults()).stream()
                        .map(ChangelogRunner::ref).toList();
                new CommandScope(ChangelogSyncCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, masterFile)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, changelog)
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                        .setOutput(OutputStream.nullOutputStream())
                        .execute();
                return pending;
            }
        });
    }

    /**
     * Records as applied, without running them, the pending changesets {@code which} accepts: for imported migrations
     * of which another tool's history says exactly which ran. The others stay pending.
     *
     * @return the changesets marked applied, in changelog order
     */
    /**
     * Records one pending changeset as applied without running it: for a changeset whose work is already in the
     * database (a non-transactional one killed after it committed, before it was recorded). Like
     * {@link #acceptChecksum}, the caller vouches that the database matches it.
     *
     * @param changeset ID, FILE::ID or FILE::ID::AUTHOR
     * @throws ChangelogException when no pending changeset matches (unknown, already applied, or not selected)
     */
    public ChangesetRef markApplied(String changeset) {
        if (!hasMasterChangelog()) {
            throw new ChangelogException("Cannot mark a changeset applied: there is no changelog at " + masterChangelog());
        }
        ChangesetRef wanted = withLiquibase("find the changeset", (database, changelog, parameters, holding) ->
                ref(find(changelog, changeset)));
        List<ChangesetRef> marked = markApplied(wanted::equals);
        if (marked.isEmpty()) {
            throw new ChangelogException("Changeset " + wanted.id() + " in " + wanted.file() + " is not pending (it is"
                    + " applied already, or the contexts and labels leave it out): nothing was recorded", wanted, null);
        }
        return wanted;
    }

    public List<ChangesetRef> markApplied(java.util.function.Predicate<ChangesetRef> which) {
        if (!hasMasterChangelog()) {
            return List.of();
        }
        return withLiquibase("mark the changesets applied", (database, changelog, parameters, holding) -> {
            try (MigrationLock lock = MigrationLock.acquire(connection, "import", ApplyOptions.DEFAULT_LOCK_TIMEOUT, RunnerEvents.NONE)) {
                new BookkeepingTables(connection).releaseStaleLiquibaseLock();
                List<ChangeSet> chosen = select(database, changelog, ApplyOptions.defaults()).stream()
                        .filter(cs -> which.test(ref(cs))).toList();
                var history = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
                history.init();
                history.generateDeploymentId();
                for (ChangeSet changeSet : chosen) {
                    database.markChangeSetExecStatus(changeSet, ChangeSet.ExecType.EXECUTED);
                }
                database.commit();
                return chosen.stream().map(ChangelogRunner::ref).toList();
            }
        });
    }

    /** The pending changesets {@code options} select, in changelog order, up to {@code toChangeset}. */
    private List<ChangeSet> select(Database database, DatabaseChangeLog changelog, ApplyOptions options) throws Exception {
        ChangesetFilter chosen = filter.or(options.contexts(), options.labels());
        List<ChangeSetFilter> filters = List.of(new ShouldRunChangeSetFilter(database),
                new ContextChangeSetFilter(chosen.liquibaseContexts()),
                new LabelChangeSetFilter(chosen.liquibaseLabels()),
                new DbmsChangeSetFilter(database), new IgnoreChangeSetFilter());
        List<ChangeSet> selected = changelog.getChangeSets().stream()
                .filter(cs -> filters.stream().allMatch(f -> f.accepts(cs).isAccepted())).toList();
        if (options.toChangeset() == null) {
            return selected;
        }
        ChangeSet to = find(changelog, options.toChangeset());
        int index = selected.indexOf(to);
        if (index >= 0) {
            return selected.subList(0, index + 1);
        }
        if (!filters.get(0).accepts(to).isAccepted()) {
            return List.of(); // already applied: nothing up to it is left
        }
        throw new ChangelogException("Changeset " + to.getId() + " in " + to.getFilePath()
                + " is excluded by the given contexts or labels, so --to cannot stop at it", ref(to), null);
    }

    /** Whether the contexts, labels and dbms select {@code changeSet}, applied or not. */
    private boolean selected(ChangeSet changeSet, Database database) throws Exception {
        return new ContextChangeSetFilter(filter.liquibaseContexts()).accepts(changeSet).isAccepted()
                && new LabelChangeSetFilter(filter.liquibaseLabels()).accepts(changeSet).isAccepted()
                && new DbmsChangeSetFilter(database).accepts(changeSet).isAccepted();
    }

    /** The changeset {@code spec} ({@code id}, {@code file::id} or {@code file::id::author}) names; exactly one. */
    private static ChangeSet find(DatabaseChangeLog changelog, String spec) {
        String[] parts = spec.split("::");
        List<ChangeSet> matches = changelog.getChangeSets().stream().filter(cs -> switch (parts.length) {
            case 1 -> cs.getId().equals(parts[0]);
            case 2 -> cs.getFilePath().equals(parts[0]) && cs.getId().equals(parts[1]);
            default -> cs.getFilePath().equals(parts[0]) && cs.getId().equals(parts[1]) && cs.getAuthor().equals(parts[2]);
        }).toList();
        if (matches.isEmpty()) {
            throw new ChangelogException("There is no changeset " + spec + " in the changelog (name it as ID, FILE::ID or"
                    + " FILE::ID::AUTHOR; driftless status lists them)");
        }
        if (matches.size() > 1) {
            throw new ChangelogException("More than one changeset matches " + spec + ": "
                    + matches.stream().map(cs -> cs.getFilePath() + "::" + cs.getId()).toList() + "; name it as FILE::ID");
        }
        return matches.get(0);
    }

    /** The changesets with the exact SQL they (or, for {@code rollback}, their rollbacks) will send. */
    private static List<PlannedChangeset> planned(List<ChangeSet> changeSets, Database database, boolean rollback)
            throws Exception {
        List<PlannedChangeset> plan = new ArrayList<>();
        for (ChangeSet changeSet : changeSets) {
            List<String> sql = new ArrayList<>();
            for (SqlStatement statement : statements(changeSet, database, rollback)) {
                for (Sql generated : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                    sql.add(generated.toSql());
                }
            }
            String comment = changeSet.getComments();
            plan.add(new PlannedChangeset(ref(changeSet), comment, sql, changeSet.isRunInTransaction(),
                    PlannedChangeset.isDestructive(comment)));
        }
        return plan;
    }

    private static List<SqlStatement> statements(ChangeSet changeSet, Database database, boolean rollback) throws Exception {
        List<SqlStatement> statements = new ArrayList<>();
        if (!rollback) {
            for (Change change : changeSet.getChanges()) {
                change.finishInitialization();
                statements.addAll(List.of(change.generateStatements(database)));
            }
        } else if (changeSet.hasCustomRollbackChanges()) {
            for (Change change : changeSet.getRollback().getChanges()) {
                change.finishInitialization();
                statements.addAll(List.of(change.generateStatements(database)));
            }
        } else {
            List<Change> reversed = new ArrayList<>(changeSet.getChanges());
            Collections.reverse(reversed);
            for (Change change : reversed) {
                statements.addAll(List.of(change.generateRollbackStatements(database)));
            }
        }
        return statements;
    }

    /** Whether Liquibase can roll {@code changeSet} back: explicit rollback SQL ("empty" counts) or automatic inverses. */
    private static boolean hasRollback(ChangeSet changeSet, Database database) {
        if (changeSet.hasCustomRollbackChanges()) {
            return true;
        }
        List<Change> changes = changeSet.getChanges();
        // Liquibase never generates a rollback for raw SQL, which is all formatted SQL changelogs hold.
        return !changes.isEmpty() && changes.stream().allMatch(change -> change.supportsRollback(database));
    }

    private boolean hasMasterChangelog() {
        return Files.isRegularFile(masterChangelog());
    }

    private <T> T withLiquibase(String action, LiquibaseWork<T> work) {
        return withLiquibase(action, masterFile, work);
    }

    /**
     * Runs {@code work} in a quiet Liquibase scope on a fresh Liquibase view of the caller's connection, with the
     * master changelog parsed (or, when {@code master} is null, none).
     */
    private <T> T withLiquibase(String action, String master, LiquibaseWork<T> work) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            throw new ChangelogException("Cannot " + action + ": " + Failures.describe(e), e);
        }
        T result;
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(existingAncestor(changelogDirectory))) {
            result = QuietLiquibase.call(resources, () -> {
                HoldingConnection holding = new HoldingConnection(connection);
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(holding);
                try {
                    ChangeLogParameters parameters = new ChangeLogParameters(database);
                    filter.applyTo(parameters);
                    DatabaseChangeLog changelog = master == null ? null : parse(resources, parameters);
                    return work.run(database, changelog, parameters, holding);
                } finally {
                    forget(database);
                }
            });
        } catch (ChangelogException e) {
            restoreAutoCommit(autoCommit, e);
            throw e;
        } catch (Exception e) {
            ChangelogException failure = new ChangelogException("Cannot " + action + ": " + Failures.describe(e), e);
            restoreAutoCommit(autoCommit, failure);
            throw failure;
        }
        restoreAutoCommit(autoCommit, null);
        return result;
    }

    /** Work that needs no changelog (history, tag) runs before the project has a changelog directory, too. */
    private static Path existingAncestor(Path directory) {
        Path existing = directory;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? directory : existing;
    }

    private DatabaseChangeLog parse(ResourceAccessor resources, ChangeLogParameters parameters) throws Exception {
        return ChangeLogParserFactory.getInstance()
                .getParser(masterFile, resources)
                .parse(masterFile, parameters, resources);
    }

    /** The applied changesets, oldest first ({@code ORDER BY DATEEXECUTED, ORDEREXECUTED}); none without the table. */
    private static List<RanChangeSet> ranChangesets(Database database) throws Exception {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                .getChangeLogService(database)
                .getRanChangeSets();
    }

    /**
     * Drops what Liquibase cached for this {@link Database} (history, lock state, executor) so nothing holds on to the
     * caller's connection, without {@code Database.close()}, which would close it. Liquibase's own commands reset
     * these factories the same way when they finish.
     */
    private static void forget(Database database) {
        Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        LockServiceFactory.getInstance().resetAll();
    }

    /**
     * Liquibase turns auto-commit off to commit per changeset. Turning it back on commits whatever is still open,
     * which after our calls is at most reads, as Liquibase's own {@code Database.close()} would.
     */
    private void restoreAutoCommit(boolean autoCommit, RuntimeException pending) {
        try {
            if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (pending != null) {
                pending.addSuppressed(e);
            } else {
                throw new ChangelogException("Cannot restore auto-commit on the connection: " + Failures.describe(e), e);
            }
        }
    }

    private static void note(String message, List<String> notes, RunnerEvents events) {
        notes.add(message);
        events.note(message);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static ChangesetRef ref(ChangeSet changeSet) {
        return new ChangesetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T run(Database database, DatabaseChangeLog changelog, ChangeLogParameters parameters, HoldingConnection holding)
                throws Exception;
    }

    /**
     * Follows what Liquibase runs or rolls back: reports progress, holds the changeset's commit until its record is
     * written (see {@link HoldingConnection}), records how long it took, and remembers a failure.
     */
    private static final class Recorder extends AbstractChangeExecListener {

        final List<ExecutedChangeset> executed = new ArrayList<>();
        private final List<PlannedChangeset> plan;
        private final Map<ChangesetRef, PlannedChangeset> planByRef = new java.util.HashMap<>();
        private final HoldingConnection holding;
        private final BookkeepingTables timings;
        private final RunnerEvents events;
        private long started;
        private ChangesetRef failed;
        private Exception failure;

        /** @param timings where to record execution times, or null (rollbacks record none) */
        Recorder(List<PlannedChangeset> plan, HoldingConnection holding, BookkeepingTables timings, RunnerEvents events) {
            this.plan = plan;
            plan.forEach(p -> planByRef.putIfAbsent(p.changeset(), p));
            this.holding = holding;
            this.timings = timings;
            this.events = events;
        }

        @Override
        public void willRun(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, ChangeSet.RunStatus runStatus) {
            starting(changeSet);
        }

        @Override
        public void willRollback(ChangeSet changeSet, DatabaseChangeLog changelog, Database database) {
            starting(changeSet);
        }

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, ChangeSet.ExecType execType) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (timings != null) {
                recordTiming(changeSet, took);
            }
            finished(changeSet, took);
        }

        @Override
        public void rolledBack(ChangeSet changeSet, DatabaseChangeLog changelog, Database database) {
            finished(changeSet, Duration.ofNanos(System.nanoTime() - started));
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, Exception exception) {
            holding.hold(false);
            failed = ref(changeSet);
            failure = exception;
        }

        @Override
        public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog changelog, Database database, Exception exception) {
            runFailed(changeSet, changelog, database, exception);
        }

        private void starting(ChangeSet changeSet) {
            holding.hold(changeSet.isRunInTransaction());
            started = System.nanoTime();
            events.starting(executed.size() + 1, plan.size(), planned(changeSet));
        }

        private void finished(ChangeSet changeSet, Duration took) {
            holding.hold(false);
            ExecutedChangeset done = new ExecutedChangeset(ref(changeSet), took,
                    changeSet.getGeneratedSql() == null ? List.of() : changeSet.getGeneratedSql().stream().filter(Objects::nonNull).toList());
            executed.add(done);
            events.finished(executed.size(), plan.size(), done);
        }

        /** Part of the changeset's own transaction; a savepoint keeps a failure here from aborting the changeset. */
        private void recordTiming(ChangeSet changeSet, Duration took) {
            Connection connection = holding.getUnderlyingConnection();
            try {
                boolean inTransaction = !connection.getAutoCommit();
                java.sql.Savepoint savepoint = inTransaction ? connection.setSavepoint() : null;
                try {
                    timings.recordTiming(ref(changeSet), took);
                } catch (SQLException e) {
                    if (savepoint != null) {
                        connection.rollback(savepoint);
                    }
                }
            } catch (SQLException ignored) {
                // The execution time is a convenience; never fail a changeset that ran over it.
            }
        }

        private PlannedChangeset planned(ChangeSet changeSet) {
            ChangesetRef ref = ref(changeSet);
            return java.util.Optional.ofNullable(planByRef.get(ref))
                    .orElse(new PlannedChangeset(ref, changeSet.getComments(), List.of(), changeSet.isRunInTransaction(), false));
        }

        /** The failure as a short message naming file, changeset, SQL and the server's error. */
        ChangelogException failure(String what, Exception e) {
            if (e instanceof ChangelogException known) {
                return known;
            }
            if (failed == null) {
                return new ChangelogException(Failures.describe(e), e);
            }
            Exception cause = failure != null ? failure : e;
            String sql = Failures.failedSql(cause).orElse(null);
            return new ChangelogException(what + " " + failed.id() + " in " + failed.file() + " failed: "
                    + Failures.describe(cause) + (sql == null ? "" : System.lineSeparator() + "  SQL: " + sql), failed, e);
        }
    }
}
