package dev.driftless.api;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.lint.ChangesetLint;
import dev.driftless.changelogs.lint.ChangesetSql;
import dev.driftless.changelogs.lint.LintReport;
import dev.driftless.changelogs.lint.LockObserver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code driftless lint} as the facade offers it: picks what to lint (files, the whole changelog, or what the target
 * has not applied) and, when asked, replays the changelog on the dev server to observe the locks it really takes.
 */
final class LintRun {

    private final Config config;
    private final Consumer<String> progress;

    LintRun(Config config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    Driftless.LintResult lint(List<Path> files, boolean all) {
        Lint lint = new Lint(config);
        try {
            if (!files.isEmpty()) {
                return new Driftless.LintResult(lint.files(files), files.size() == 1 ? files.get(0).toString() : files.size() + " files");
            }
            if (all) {
                return new Driftless.LintResult(lint.all(), "every changeset of " + config.changelogDirectory());
            }
            TargetRunner runner = new TargetRunner(config, progress);
            List<ChangesetRef> pending = runner.run(r -> r.pending(config.cache()));
            return new Driftless.LintResult(lint.only(pending), "the changesets pending on " + runner.describeTarget());
        } catch (ChangelogException e) {
            throw Lint.unreadable(e);
        }
    }

    /**
     * The whole changelog (or, when there is none, what {@code linted} covered) replayed on a scratch database of the
     * dev server, with what each statement did added to {@code linted}.
     */
    Driftless.LintResult observe(Driftless.LintResult linted) {
        List<ChangesetSql> replayed;
        try {
            LintReport whole = new Lint(config).all();
            replayed = (whole.changesets().isEmpty() ? linted.report() : whole).changesets().stream()
                    .map(ChangesetLint::changeset).toList();
        } catch (ChangelogException e) {
            throw Lint.unreadable(e);
        }
        progress.accept("replaying " + replayed.size() + " changeset(s) on the dev database to observe their locks");
        String work = "driftless_observe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (DevServer server = DevServer.forCheck(config, progress)) {
            server.create(work);
            try (Connection connection = server.connect(work)) {
                LockObserver.Replay replay = new LockObserver().replay(connection, replayed);
                Map<ChangesetRef, LockObserver.ChangesetObservation> observed = new LinkedHashMap<>();
                replay.changesets().forEach(c -> observed.put(c.changeset(), c));
                return new Driftless.LintResult(linted.report(), linted.scope(), observed, replay.failure());
            } catch (SQLException e) {
                throw TargetRunner.databaseFailure(e);
            } finally {
                server.drop(work);
            }
        }
    }

    /** Lints exactly {@code refs}, as apply does before it runs them. */
    LintReport only(List<ChangesetRef> refs) {
        try {
            return new Lint(config).only(refs);
        } catch (ChangelogException e) {
            throw Lint.unreadable(e);
        }
    }
}
