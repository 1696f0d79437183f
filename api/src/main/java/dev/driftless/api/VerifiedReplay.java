package dev.driftless.api;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangesetFilter;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.LiquibaseExtensions;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RollbackTarget;
import dev.driftless.changelogs.RunnerEvents;
import dev.driftless.api.Gate.Problem;
import dev.driftless.generator.catalog.CatalogChanges;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.model.DiffOptions;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What {@code check} proves on a throwaway database: the changesets apply from empty, each one's rollback restores
 * the schema before it exactly, and applying them all again gives the same schema.
 *
 * <p>Liquibase parses the changelogs once per pass: one update applies every changeset, one rollback-count command
 * rolls them all back, one update applies them again. After each changeset and each rollback, {@link CatalogChanges}
 * tells which objects it touched, with their digests, and {@link RollbackLedger} compares those with the digests from
 * before the changeset. So proving a rollback costs what its changeset touched, not a read of the whole catalog.
 * Digests only ever say "certainly equal": when they differ, the schema now is read whole and compared, as before,
 * with the schema before the changeset (replayed up to it on a second scratch database); only a difference there is a
 * problem, so the verdict and its words are those of a whole-schema comparison.
 *
 * <p>As a guard against an object the event triggers could miss, the schema after every rollback must equal the
 * empty one it started from; when it does not although every rollback passed, the replay runs again comparing
 * digests of the whole catalog after each changeset (which is also the way without a superuser).
 */
final class VerifiedReplay {

    private final Path changelogDirectory;
    /** The master changelog below {@link #changelogDirectory}. */
    private final String masterFile;
    /** The project's contexts and labels: the replay applies what the project's apply applies. */
    private final ChangesetFilter filter;
    /** The project's own Liquibase extensions: the replay reads and runs the changelog as the project's apply does. */
    private final LiquibaseExtensions extensions;
    private final ScratchDatabases server;
    private final Consumer<String> progress;

    VerifiedReplay(Path changelogDirectory, String masterFile, ChangesetFilter filter, LiquibaseExtensions extensions,
                   ScratchDatabases server, Consumer<String> progress) {
        this.changelogDirectory = changelogDirectory;
        this.extensions = extensions;
        this.masterFile = masterFile;
        this.filter = filter;
        this.server = server;
        this.progress = progress;
    }

    /** The schema after rolling everything back is not the empty one, yet no rollback looked inexact. */
    private static final class Untracked extends Exception {
        final boolean wholeCatalog;

        Untracked(List<String> differences, boolean wholeCatalog) {
            super(String.join("; ", differences));
            this.wholeCatalog = wholeCatalog;
        }
    }

    /**
     * What a replay proved.
     *
     * @param schema            the replayed schema
     * @param rollbacksVerified how many changesets' rollbacks were proven exact (those after the adoption point)
     */
    record Verified(Schema schema, int rollbacksVerified) {
    }

    /**
     * Replays the changelogs on {@code database} (empty, on {@link #server}), which is left holding them applied.
     * With an adoption point, the changesets up to it are applied first, unproven (adopted history need have no
     * rollback), and the rollbacks of the ones after it are proven against the schema at the adoption point.
     *
     * @param adoptionPoint the adoption point's changeset, or null when the changelogs have none
     * @return what was proven; null when a problem was added to {@code problems}
     */
    Verified replay(String database, ChangesetRef adoptionPoint, List<Problem> problems) throws SQLException {
        try {
            return attempt(database, adoptionPoint, false, problems);
        } catch (Untracked e) {
            if (e.wholeCatalog) {
                return untracked(e, problems);
            }
            progress.accept("after rolling everything back the schema is not the empty one (" + e.getMessage()
                    + "), yet no rollback was found inexact: replaying again, comparing the whole catalog after each changeset");
        }
        server.drop(database);
        server.create(database);
        try {
            return attempt(database, adoptionPoint, true, problems);
        } catch (Untracked e) {
            return untracked(e, problems);
        }
    }

    /** Cannot happen when whole-catalog digests cover what the differ compares; said, should it happen all the same. */
    private static Verified untracked(Untracked e, List<Problem> problems) {
        problems.add(new Problem("rollback-inexact", null, "rolling back every changeset does not restore the empty schema: "
                + e.getMessage()));
        return null;
    }

    private Verified attempt(String database, ChangesetRef adoptionPoint, boolean wholeCatalog, List<Problem> problems)
            throws SQLException, Untracked {
        try (Connection connection = server.connect(database)) {
            if (adoptionPoint != null && !applyAdopted(runner(connection), adoptionPoint, problems)) {
                return null;
            }
            return attempt(connection, wholeCatalog, problems);
        }
    }

    private ChangelogRunner runner(Connection connection) {
        return new ChangelogRunner(connection, changelogDirectory, masterFile).filtered(filter)
                .withExtensions(extensions);
    }

    /** Applies the adopted history, up to and including the adoption point; false after adding a problem. */
    private boolean applyAdopted(ChangelogRunner runner, ChangesetRef adoptionPoint, List<Problem> problems) {
        progress.accept("replaying the adopted history, up to the adoption point");
        try {
            runner.apply(ApplyOptions.defaults().withTo(adoptionPoint.toString()), RunnerEvents.NONE);
            return true;
        } catch (ChangelogException e) {
            problems.add(new Problem("apply-failed", e.changeset().map(ChangesetRef::toString).orElse(null), e.getMessage()));
            return false;
        }
    }

    /** From what {@code connection} holds now ("empty": nothing, or the adoption point): apply, prove, apply again. */
    private Verified attempt(Connection connection, boolean wholeCatalog, List<Problem> problems) throws SQLException, Untracked {
        Schema empty = read(connection);
        CatalogChanges changes = CatalogChanges.install(connection, wholeCatalog);
        progress.accept(describe(changes.mode(), wholeCatalog));
        RollbackLedger ledger = new RollbackLedger();
        ledger.start(changes.everything());
        ChangelogRunner runner = runner(connection);
        int applied = applyAll(runner, changes, ledger, problems);
        if (applied < 0) {
            return null;
        }
        Schema afterApplying = CatalogChanges.withoutOwnObjects(read(connection));
        if (applied > 0 && !rollBackAll(runner, applied, connection, changes, ledger, empty, problems)) {
            return null;
        }
        Schema afterRollingBack = CatalogChanges.withoutOwnObjects(read(connection));
        changes.uninstall();
        List<String> left = differences(server, afterRollingBack, empty);
        if (!left.isEmpty()) {
            throw new Untracked(left, changes.mode() == CatalogChanges.Mode.WHOLE_CATALOG);
        }
        Schema replayed = reapply(runner, connection, afterApplying, problems);
        return replayed == null ? null : new Verified(replayed, applied);
    }

    private static String describe(CatalogChanges.Mode mode, boolean askedForWholeCatalog) {
        if (mode == CatalogChanges.Mode.EVENT_TRIGGERS) {
            return "following what each changeset touches through event triggers";
        }
        return "comparing a digest of the whole catalog after each changeset"
                + (askedForWholeCatalog ? "" : " (event triggers need a superuser)");
    }

    /** @return how many changesets were applied, or -1 after adding a problem */
    private int applyAll(ChangelogRunner runner, CatalogChanges changes, RollbackLedger ledger, List<Problem> problems)
            throws SQLException {
        progress.accept("replaying the changesets from empty");
        AfterEach forward = new AfterEach(changeset -> {
            ledger.applied(changeset, changes.touched());
            return Optional.empty();
        });
        try {
            return runner.apply(ApplyOptions.defaults(), forward).applied().size();
        } catch (ChangelogException e) {
            forward.rethrow();
            problems.add(new Problem("apply-failed", e.changeset().map(ChangesetRef::toString).orElse(null), e.getMessage()));
            return -1;
        }
    }

    /**
     * Rolls everything back in one Liquibase command. The runner refuses up front when a changeset has no rollback;
     * the newer changesets are then rolled back and proven first, so that, as when rolling back one at a time, the
     * newest problem is the one reported.
     *
     * @return whether every rollback ran and proved exact; else a problem was added
     */
    private boolean rollBackAll(ChangelogRunner runner, int count, Connection connection, CatalogChanges changes,
                                RollbackLedger ledger, Schema empty, List<Problem> problems) throws SQLException {
        progress.accept("rolling the " + count + " changeset(s) back, newest first, comparing each with the schema before it");
        AfterEach backward = new AfterEach(changeset -> {
            if (ledger.rolledBack(changeset, changes.touched()).isEmpty()) {
                return Optional.empty();
            }
            return inexact(changeset, connection, ledger.newestApplied(), empty);
        });
        int left = count;
        int next = count;
        while (left > 0) {
            int before = backward.started();
            try {
                runner.rollback(new RollbackTarget.Count(next), false, ApplyOptions.DEFAULT_LOCK_TIMEOUT, backward);
                left -= next;
                next = left;
            } catch (ChangelogException e) {
                backward.rethrow();
                boolean refused = backward.started() == before; // before running anything
                int newer = refused ? e.changeset().map(ledger::newerThan).orElse(0) : 0;
                if (backward.problem().isPresent() || !refused || (newer <= 0 && next == 1)) {
                    problems.add(backward.problem().orElseGet(() ->
                            new Problem("rollback-failed", e.changeset().map(ChangesetRef::toString).orElse(null), e.getMessage())));
                    return false;
                }
                next = Math.max(newer, 1); // at 1, the refusal is worded for that changeset alone
            }
        }
        return true;
    }

    /**
     * The digests say rolling back {@code changeset} changed something: compare the whole schema now with the whole
     * schema before it, as read on a second database where the changesets before it are applied.
     */
    private Optional<Problem> inexact(ChangesetRef changeset, Connection connection, Optional<ChangesetRef> previous,
                                      Schema empty) throws SQLException {
        progress.accept("digests differ after rolling back " + changeset + ": comparing the whole schema");
        Schema restored = CatalogChanges.withoutOwnObjects(read(connection));
        List<String> left = differences(server, restored, previous.isEmpty() ? empty : replayedUpTo(previous.get()));
        if (left.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem("rollback-inexact", changeset.toString(), "rolling back " + changeset
                + " does not restore the schema before it: " + String.join("; ", left)));
    }

    /** The schema with the changesets up to {@code last} applied, on a database of its own. */
    private Schema replayedUpTo(ChangesetRef last) throws SQLException {
        String name = "driftless_before_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.create(name);
        try (Connection connection = server.connect(name)) {
            runner(connection).apply(ApplyOptions.defaults().withTo(last.toString()), RunnerEvents.NONE);
            return read(connection);
        } finally {
            server.drop(name);
        }
    }

    private Schema reapply(ChangelogRunner runner, Connection connection, Schema afterApplying, List<Problem> problems)
            throws SQLException {
        try {
            runner.apply();
        } catch (ChangelogException e) {
            problems.add(new Problem("reapply-failed", e.changeset().map(ChangesetRef::toString).orElse(null),
                    "applying again after rolling everything back failed: " + e.getMessage()));
            return null;
        }
        Schema replayed = read(connection);
        List<String> left = differences(server, replayed, afterApplying);
        if (!left.isEmpty()) {
            problems.add(new Problem("reapply-inexact", null, "applying again after rolling everything back gives another schema: "
                    + String.join("; ", left)));
            return null;
        }
        return replayed;
    }

    /** What tells two schemas apart, both ways, names of constraints aside; empty when they are the same. */
    static List<String> differences(ScratchDatabases server, Schema actual, Schema expected) {
        List<String> left = new ArrayList<>();
        if (!Set.copyOf(actual.namespaces()).equals(Set.copyOf(expected.namespaces()))) {
            left.add("schemas " + actual.namespaces() + " instead of " + expected.namespaces());
        }
        SchemaDiffer strict = new SchemaDiffer(new DiffOptions(true));
        List<String> changes = Stream.concat(strict.diff(actual, expected).changes().stream(),
                        strict.diff(expected, actual).changes().stream())
                .map(c -> c.describe()).toList();
        if (!changes.isEmpty()) {
            // Spelling of check constraints is not a fixed point in PostgreSQL: let it print both once more.
            CheckNormaliser.Normalised both = new CheckNormaliser(server).normalise(actual, expected);
            strict.diff(both.actual(), both.desired()).changes().forEach(c -> left.add(c.describe()));
            strict.diff(both.desired(), both.actual()).changes().forEach(c -> left.add("(reverse) " + c.describe()));
        }
        return left;
    }

    private static Schema read(Connection connection) throws SQLException {
        return new CatalogIntrospector().read(connection);
    }

    /** What to do after each changeset (or its rollback) ran: nothing, or a problem that stops the run. */
    @FunctionalInterface
    private interface Check {
        Optional<Problem> after(ChangesetRef changeset) throws SQLException;
    }

    /**
     * Runs a {@link Check} on the runner's connection right after each changeset's SQL, inside its transaction. A
     * problem or a database error stops Liquibase by throwing; the runner then reports a failure, which the caller
     * replaces with what was found here.
     */
    private static final class AfterEach implements RunnerEvents {
        private final Check check;
        private Problem problem;
        private SQLException failure;
        private int started;

        AfterEach(Check check) {
            this.check = check;
        }

        @Override
        public void starting(int number, int total, PlannedChangeset changeset) {
            started++;
        }

        @Override
        public void finished(int number, int total, ExecutedChangeset changeset) {
            try {
                problem = check.after(changeset.changeset()).orElse(null);
            } catch (SQLException e) {
                failure = e;
            }
            if (problem != null || failure != null) {
                throw new IllegalStateException("stopped after " + changeset.changeset());
            }
        }

        Optional<Problem> problem() {
            return Optional.ofNullable(problem);
        }

        /** How many changesets started to run (or to be rolled back) so far. */
        int started() {
            return started;
        }

        /** The database error a check ran into, if any, instead of the runner's report of the stop. */
        void rethrow() throws SQLException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
