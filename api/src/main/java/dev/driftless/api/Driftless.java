package dev.driftless.api;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.AuditEntry;
import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.HistoryEntry;
import dev.driftless.changelogs.MissingChangesets;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.changelogs.RollbackTarget;
import dev.driftless.changelogs.RunnerEvents;
import dev.driftless.changelogs.ValidationResult;
import dev.driftless.changelogs.backup.BackupFile;
import dev.driftless.changelogs.backup.BackupIdentity;
import dev.driftless.changelogs.backup.BackupStore;
import dev.driftless.changelogs.lint.LintReport;
import dev.driftless.generator.render.ChangelogWriter;
import dev.driftless.model.Change;
import dev.driftless.model.Renames;
import dev.driftless.model.SchemaDiff;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The public Java facade: one place that wires read → diff → render → apply. The commands are thin
 * shells over it; a build tool or a test can call it directly.
 */
public final class Driftless {

    private final Config config;
    private final Clock clock;
    private final Consumer<String> progress;

    /**
     * The fluent configuration of the Java API: {@code Driftless.configure().dataSource(ds).entityPackages("com.acme")
     * .load()}. See docs/java-api.md.
     */
    public static DriftlessConfiguration configure() {
        return new DriftlessConfiguration();
    }

    public Driftless(Config config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
    }

    /** The outcome of {@link #diff}. */
    /**
     * @param written  the changelog written, or for {@link DiffMode#PRINT} the one that would be ({@code written()}
     *                 false); null when there is nothing to write
     * @param setAside for {@link DiffMode#REPLACE}: where the replaced changelog was moved, else null
     */
    public record DiffResult(List<Change> changes, List<ChangesetRef> pendingFirst, ChangelogWriter.Written written,
                             SchemaDiff diff, String target, RenameReport renames, List<String> dataProblems,
                             Map<dev.driftless.model.QualifiedName, TableSize> tableSizes, Path setAside) {
        public DiffResult {
            dataProblems = List.copyOf(dataProblems);
            tableSizes = Map.copyOf(tableSizes);
        }

        public DiffResult(List<Change> changes, List<ChangesetRef> pendingFirst, ChangelogWriter.Written written,
                          SchemaDiff diff, String target, RenameReport renames, List<String> dataProblems,
                          Map<dev.driftless.model.QualifiedName, TableSize> tableSizes) {
            this(changes, pendingFirst, written, diff, target, renames, dataProblems, tableSizes, null);
        }

        DiffResult withSetAside(Path file) {
            return new DiffResult(changes, pendingFirst, written, diff, target, renames, dataProblems, tableSizes, file);
        }

        public DiffResult(List<Change> changes, List<ChangesetRef> pendingFirst, ChangelogWriter.Written written,
                          SchemaDiff diff, String target, RenameReport renames, List<String> dataProblems) {
            this(changes, pendingFirst, written, diff, target, renames, dataProblems, Map.of());
        }

        public DiffResult(List<Change> changes, List<ChangesetRef> pendingFirst, ChangelogWriter.Written written,
                          SchemaDiff diff, String target, RenameReport renames) {
            this(changes, pendingFirst, written, diff, target, renames, List.of());
        }

        public DiffResult(List<Change> changes, List<ChangesetRef> pendingFirst, ChangelogWriter.Written written,
                          SchemaDiff diff, String target) {
            this(changes, pendingFirst, written, diff, target, RenameReport.NONE);
        }

        public boolean blockedByPending() {
            return !pendingFirst.isEmpty();
        }

        /**
         * Every change with its risk and, where it works on a table the target already has, that table's size: what the
         * text report and the JSON report both show. {@code online}: whether the changelog was written in online forms.
         */
        public List<RiskedChange> risks(boolean online) {
            dev.driftless.model.ChangeRisks risks = dev.driftless.model.ChangeRisks.forChanges(changes, online);
            return changes.stream().map(change -> new RiskedChange(change, risks.classify(change),
                    change.table() == null || risks.onNewTable(change) ? null : tableSizes.get(change.table()))).toList();
        }
    }

    /** A change, its risk, and the size of the existing table it works on, or null. */
    public record RiskedChange(Change change, dev.driftless.model.ChangeRisk risk, TableSize tableSize) {
    }

    /**
     * What became of renames in a diff.
     *
     * @param applied        the renames in the changelog, each with the request it came from
     * @param probable       drop + add pairs that look like renames and were not confirmed: they stay a drop and an add
     * @param alreadyApplied rename hints the database already shows done (they can go from the configuration)
     */
    public record RenameReport(Map<Change, Renames.Request> applied, List<Change.RenameColumn> probable,
                               List<Renames.Request> alreadyApplied) {
        public static final RenameReport NONE = new RenameReport(Map.of(), List.of(), List.of());

        public RenameReport {
            applied = Collections.unmodifiableMap(new LinkedHashMap<>(applied));
            probable = List.copyOf(probable);
            alreadyApplied = List.copyOf(alreadyApplied);
        }
    }

    /** Asks whether a drop + add pair is a rename; the command asks at a terminal, or answers with a flag. */
    @FunctionalInterface
    public interface RenameQuestion {
        boolean isRename(Change.RenameColumn probable);
    }

    /**
     * Compares the entities with the target and writes a changelog of the differences. Writes nothing when
     * there are none, or when the target has changesets that are not applied yet (they would be generated twice).
     */
    public DiffResult diff(String name) {
        return diff(name, probable -> config.renames().acceptProbable());
    }

    /** As {@link #diff(String)}, naming the changelog after its changes ({@code initial-schema} on an empty database). */
    public DiffResult diff() {
        return diff(null);
    }

    /**
     * As {@link #diff(String)}, asking {@code question} about each probable rename (a dropped and an added column of
     * compatible types in one table); a "yes" makes it a rename, a "no" leaves the drop and the add, flagged.
     */
    public DiffResult diff(String name, RenameQuestion question) {
        return diff(name, question, DiffMode.WRITE);
    }

    /** What {@link #diff(String, RenameQuestion, DiffMode)} does with the changelog it generates. */
    public enum DiffMode {
        /** Write it and include it in the master. */
        WRITE,
        /** Write nothing: the result holds the text that would be written. */
        PRINT,
        /**
         * Regenerate the newest changelog: when none of its changesets is applied to the target, it is set aside
         * (moved under {@code .driftless/replaced/}, its include removed) and the new one written in its place; its
         * pending changesets do not block the diff, as they would otherwise.
         */
        REPLACE
    }

    /** As {@link #diff(String, RenameQuestion)}, writing, printing or replacing as {@code mode} says. */
    public DiffResult diff(String name, RenameQuestion question, DiffMode mode) {
        return new Generation(config, clock, progress).run(name, question, mode);
    }

    /** The {@code --rename} argument for a column rename. */
    public static String renameHint(Change.RenameColumn rename) {
        return rename.table() + "." + rename.from() + "=" + rename.to();
    }

    /**
     * The outcome of {@link #apply(ApplyOptions, RunnerEvents)}.
     *
     * @param backup the backup taken first (by the backup policy), or {@code null}
     */
    public record ApplyOutcome(ApplyResult result, BackupFile backup, String target) {
    }

    /** Applies everything pending, backing up first as configured. */
    public ApplyResult apply() {
        return apply(ApplyOptions.defaults().withLockTimeout(config.runner().lockTimeout()), RunnerEvents.NONE).result();
    }

    /**
     * Applies the pending changesets {@code options} select. Unless it is a dry run, first backs the database up when
     * the configured policy asks for it (by default: when a pending changeset is destructive); a failed backup
     * stops the apply before anything changed.
     */
    public ApplyOutcome apply(ApplyOptions options, RunnerEvents events) {
        return apply(options, events, false);
    }

    /**
     * As {@link #apply(ApplyOptions, RunnerEvents)}; unless {@code allowDestructive}, first refuses, before anything
     * is backed up or applied, when a changeset it would apply is danger by the lint and not acknowledged in it.
     */
    public ApplyOutcome apply(ApplyOptions options, RunnerEvents events, boolean allowDestructive) {
        return new ApplyRun(config, clock, progress).apply(options, events, allowDestructive);
    }

    /**
     * The outcome of {@link #lint}: the report and what was linted ("pending on …", "all", the files), and with
     * {@code observe} what each statement really did on a replay.
     *
     * @param observed        per changeset, what its statements did on the dev database; empty unless observed
     * @param observeFailure  the statement the replay stopped at, or null
     */
    public record LintResult(LintReport report, String scope,
                             Map<ChangesetRef, dev.driftless.changelogs.lint.LockObserver.ChangesetObservation> observed,
                             String observeFailure) {
        public LintResult {
            observed = Map.copyOf(observed);
        }

        public LintResult(LintReport report, String scope) {
            this(report, scope, Map.of(), null);
        }
    }

    /**
     * As {@link #lint(List, boolean)}; with {@code observe}, the whole changelog (or the given files, when there is no
     * changelog) is also replayed on a scratch database of the dev server, reading from {@code pg_locks} which lock
     * each statement really takes on a table that existed before its changeset, and from relfilenodes which tables it
     * rewrote.
     */
    public LintResult lint(List<Path> files, boolean all, boolean observe) {
        LintResult linted = lint(files, all);
        return observe ? new LintRun(config, progress).observe(linted) : linted;
    }

    /**
     * Lints changesets with the same rules apply and check use: the given changelog files, or with {@code all} the
     * whole changelog (both offline), or else the changesets the target has not applied.
     */
    public LintResult lint(List<Path> files, boolean all) {
        return new LintRun(config, progress).lint(files, all);
    }

    /**
     * Every changeset of the changelog, in order, applied (when, with which tag) or pending on the target, and the
     * applied changesets the changelog no longer has. Reads only.
     */
    public StatusResult status() {
        return runner().status();
    }

    /** Applied changesets no longer in the changelog, and rows of another changelog in the same history table. */
    public MissingChangesets missing() {
        return runner().run(ChangelogRunner::missing);
    }

    /** Where the changelogs are (for messages that name the directory). */
    public Path changelogDirectory() {
        return config.changelogDirectory();
    }

    /** Rolls back the {@code count} most recently applied changesets. */
    public RollbackResult rollback(int count) {
        return rollback(new RollbackTarget.Count(count));
    }

    /** Rolls back to a tag ({@link RollbackTarget.ToTag}), a date or by count; refuses if one in range has no rollback. */
    public RollbackResult rollback(RollbackTarget target) {
        return rollback(target, false, RunnerEvents.NONE);
    }

    /**
     * The entities against the live database, read-only: every difference, mapped back to the entity sources; no
     * exception for differences (see {@link #validate()} for that).
     */
    public Gate.ValidateResult validateWithResult() {
        return new Gate(config, progress).validate();
    }

    /**
     * As {@link #validateWithResult()}, failing when the entities and the database differ.
     *
     * @throws SchemaDriftException with the findings, its message the text {@code driftless validate} prints
     */
    public Gate.ValidateResult validate() {
        Gate.ValidateResult result = validateWithResult();
        if (!result.agrees()) {
            throw new SchemaDriftException(result);
        }
        return result;
    }

    /** Offline: the changelogs replayed from empty, every rollback proven, and the result against the entities. */
    public Gate.CheckResult check() {
        return new Gate(config, progress).check();
    }


    /** Rolls back to a tag, a date or by count; refuses before touching anything if one in range has no rollback. */
    public RollbackResult rollback(RollbackTarget target, boolean dryRun, RunnerEvents events) {
        return rollback(target, dryRun, events, null);
    }

    /** As {@link #rollback(RollbackTarget, boolean, RunnerEvents)}, recording {@code reason} in the history. */
    public RollbackResult rollback(RollbackTarget target, boolean dryRun, RunnerEvents events, String reason) {
        return runner().rollback(target, dryRun, events, reason);
    }

    /** The outcome of {@link #tag}: the changeset that now carries the tag. */
    public record TagResult(String tag, ChangesetRef changeset) {
    }

    /** Tags the target's most recently applied changeset, for {@code rollback(new RollbackTarget.ToTag(tag))}. */
    public TagResult tag(String tag) {
        return new TagResult(tag, runner().run(r -> r.tag(tag)));
    }

    /**
     * The outcome of {@link #history()}: applied changesets, oldest first, and every apply attempt and rollback
     * driftless recorded (failures and rollbacks included, which {@code DATABASECHANGELOG} forgets).
     */
    public record HistoryResult(List<HistoryEntry> entries, List<AuditEntry> attempts, String target) {

        public List<AuditEntry> failures() {
            return attempts.stream().filter(a -> a.kind() == AuditEntry.Kind.APPLY && a.failed()).toList();
        }

        /** Every rollback, failed ones included (their outcome says so). */
        public List<AuditEntry> rollbacks() {
            return attempts.stream().filter(a -> a.kind() == AuditEntry.Kind.ROLLBACK).toList();
        }
    }

    /** The changesets applied to the target, oldest first, as its history table records them. */
    public HistoryResult history() {
        return runner().history();
    }

    /** Structure, duplicate ids and checksums of applied changesets; findings, not exceptions. */
    public ValidationResult validateChangelog() {
        return runner().run(ChangelogRunner::validate);
    }

    /** The outcome of {@link #acceptChecksum}. */
    public record AcceptChecksumResult(ChangesetRef changeset) {
    }

    public AcceptChecksumResult acceptChecksum(String changeset) {
        return new AcceptChecksumResult(runner().acceptChecksum(changeset));
    }

    /** Records one pending changeset as applied without running it; the caller vouches that its work is done. */
    public ChangesetRef markApplied(String changeset) {
        return runner().markApplied(changeset);
    }

    /**
     * The outcome of {@link #baseline}: the changelog describing the database, and its changesets marked applied.
     *
     * @param history the history the database already had ({@link ForeignHistory#NONE} when none)
     */
    public record BaselineResult(ChangelogWriter.Written written, List<ChangesetRef> marked, String target,
                                 ForeignHistory history) {
    }

    /**
     * Adopts a database built by hand, by an init script or by another migration tool: writes a changelog describing
     * its current schema (what a new database lacks of it), then the adoption point, and records both as applied
     * without running them, so later diffs are incremental and {@code check} proves rollbacks from there on. A
     * Liquibase or Flyway history in the database stays as it is, beside the baseline. Refuses when the project
     * already has changesets.
     */
    public BaselineResult baseline(String name) {
        return new Baseline(config, clock, progress).write(name);
    }

    /**
     * The outcome of {@link #importSql}.
     *
     * @param kind    "Flyway" or "numbered": how the folder was read
     * @param skipped every file of the folder not imported, as "name: why"
     * @param notes   what the history says about the rest (missing files, changed repeatables), one line each
     * @param marked  the changesets recorded as applied (with {@code markApplied}), else empty
     */
    public record ImportResult(String kind, List<Path> files, List<String> ids, List<String> skipped, List<String> notes,
                               List<ChangesetRef> marked) {
    }

    /** As {@link #importSql(Path, boolean, String)} with Flyway's default history table. */
    public ImportResult importSql(Path folder, boolean markApplied) {
        return importSql(folder, markApplied, null);
    }

    /**
     * Wraps a folder of SQL migrations into the changelog, followed by the adoption point: a Flyway folder in Flyway's
     * order (the newest {@code B} baseline, the versions above it, the repeatables), or numbered files by number. With
     * {@code markApplied} the target records as applied what already ran there: for Flyway, exactly what its history
     * table ({@code flywayTable}, default {@code flyway_schema_history}) records, after checking the files' checksums.
     */
    public ImportResult importSql(Path folder, boolean markApplied, String flywayTable) {
        return importSql(folder, markApplied, flywayTable, Map.of());
    }

    /**
     * As {@link #importSql(Path, boolean, String)}, a Flyway folder's placeholders replaced as the application's Flyway
     * replaces them ({@code flyway.conf}, {@code spring.flyway.placeholders.*}, Flyway's built-ins), the values in
     * {@code placeholders} (by name, e.g. {@code owner} or {@code flyway:user}) winning. A placeholder without a value
     * refuses the import before anything is written.
     */
    public ImportResult importSql(Path folder, boolean markApplied, String flywayTable, Map<String, String> placeholders) {
        SqlImport.Result r = new SqlImport(config, clock, placeholders).run(folder, markApplied, flywayTable);
        return new ImportResult(r.kind(), r.files(), r.ids(), r.skipped(), r.notes(), r.marked());
    }

    /**
     * The outcome of {@link #adopt}.
     *
     * @param adopted how many changesets precede the new adoption point
     * @param marked  whether the target records it as applied already
     * @param pending the changesets pending on the target before it (apply runs them, then it)
     */
    public record AdoptResult(int adopted, boolean marked, List<ChangesetRef> pending) {
    }

    /**
     * Adopts a project's existing changelog (a Liquibase project's own history): appends the adoption point after its
     * changesets, so {@code check} replays them and proves rollbacks only for what comes after, and records it as
     * applied on the target when nothing before it is pending there.
     */
    public AdoptResult adopt() {
        Adoption.Adopted adopted = Adoption.adoptExisting(config);
        return new AdoptResult(adopted.adopted(), adopted.marked(), adopted.pending());
    }

    /** The outcome of {@link #backup}: the new backup and the old ones deleted to keep the newest N. */
    public record BackupResult(BackupFile backup, List<BackupFile> deleted) {
    }

    /**
     * Backs the target up into the backup directory: pg_dump (custom format) for a server, a copy of the stopped
     * data directory for the embedded database.
     *
     * @param keep keep only the newest this many backups of this database (others' are left alone), and delete
     *             the partial files of killed backups; {@code null} keeps all
     */
    public BackupResult backup(Integer keep) {
        return backups().backup(keep);
    }

    /** The backups in the backup directory (of every database), newest first. */
    public List<BackupFile> listBackups() {
        return backups().list();
    }

    /**
     * What {@link #backupListing} finds: the backups of every database (newest first), the partial files of backups
     * being written or left by killed runs, and the database this configuration backs up.
     */
    public record BackupListing(List<BackupFile> backups, List<BackupStore.Unfinished> unfinished, BackupIdentity target) {
    }

    public BackupListing backupListing() {
        return backups().listing();
    }

    /** The outcome of {@link #restore}: what was restored, and the safety backup taken just before. */
    public record RestoreResult(BackupFile restored, BackupFile safety) {
    }

    /** As {@link #restore(Path, boolean)}, refusing a backup of another database. */
    public RestoreResult restore(Path file) {
        return restore(file, false);
    }

    /**
     * Restores a backup over the target, after taking a safety backup of what is there now. The caller asks the user
     * first: this replaces data.
     *
     * @param fromOtherDatabase restore even a backup named after another database (else refused, exit 2)
     */
    public RestoreResult restore(Path file, boolean fromOtherDatabase) {
        return backups().restore(file, fromOtherDatabase);
    }

    private Backups backups() {
        return new Backups(config, clock, progress);
    }

    private TargetRunner runner() {
        return new TargetRunner(config, progress);
    }
}
