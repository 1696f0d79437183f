package dev.driftless.api;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetSqlReader;
import dev.driftless.changelogs.lint.ChangelogLinter;
import dev.driftless.changelogs.lint.ChangesetLint;
import dev.driftless.changelogs.lint.ChangesetSql;
import dev.driftless.changelogs.lint.LintReport;
import dev.driftless.changelogs.lint.Risk;
import dev.driftless.changelogs.lint.StatementFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers the changesets to lint (given files, the whole changelog, or the ones a target has not applied) and lints
 * them; also the words of a refusal. The changelogs are read offline, so only "pending" needs a database.
 */
final class Lint {

    private final Config config;

    Lint(Config config) {
        this.config = config;
    }

    /** Every changeset of the project's changelog, in order; none when it has no master changelog yet. */
    LintReport all() {
        if (!config.master().exists()) {
            return new LintReport(List.of());
        }
        return lint(reader(config.changelogRoot()).read(config.masterChangelog()));
    }

    /**
     * The changesets of these changelog files (and what they include). A file under the changelog directory is read
     * from there, so its changesets are named as the runner names them.
     */
    LintReport files(List<Path> files) {
        List<ChangesetSql> changesets = new ArrayList<>();
        Path root = config.changelogRoot().toAbsolutePath().normalize();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!Files.isRegularFile(absolute)) {
                throw new DriftlessException(ExitCode.USAGE, file + " is not a changelog file");
            }
            Path base = absolute.startsWith(root) ? root : absolute.getParent();
            changesets.addAll(reader(base).read(base.relativize(absolute).toString()));
        }
        return lint(changesets);
    }

    /** The changesets {@code refs} names, in changelog order (an apply's plan, the pending ones). */
    LintReport only(List<ChangesetRef> refs) {
        if (refs.isEmpty()) {
            return new LintReport(List.of());
        }
        Set<ChangesetRef> wanted = new HashSet<>(refs);
        List<ChangesetSql> changesets = reader(config.changelogRoot()).read(config.masterChangelog())
                .stream().filter(c -> wanted.contains(c.changeset())).toList();
        return lint(changesets);
    }

    private ChangesetSqlReader reader(Path root) {
        return new ChangesetSqlReader(root, config.liquibaseExtensions(), config.runner().filter());
    }

    private static LintReport lint(List<ChangesetSql> changesets) {
        return new ChangelogLinter().lint(changesets);
    }

    /** Why apply refuses: each dangerous changeset with its location, rules and statements, then what to do. */
    static String refusal(List<ChangesetLint> dangerous) {
        StringBuilder text = new StringBuilder("Nothing was applied: " + dangerous.size() + " pending changeset"
                + (dangerous.size() == 1 ? " loses" : "s lose") + " data:");
        Set<String> rules = new java.util.LinkedHashSet<>();
        for (ChangesetLint changeset : dangerous) {
            text.append("\n  ").append(describe(changeset));
            for (StatementFinding f : blocking(changeset)) {
                rules.add(f.finding().rule());
                text.append("\n    ").append(f.finding().rule()).append(": ").append(f.finding().message());
                if (!f.statement().isEmpty()) {
                    text.append("\n      ").append(oneLine(f.statement()));
                }
            }
        }
        return text.append("\nReview them, take a backup, then run apply --allow-destructive; or acknowledge each in its"
                + " changeset with the comment: -- driftless:allow ").append(String.join(", ", rules))
                .append(" (see docs/lint.md)").toString();
    }

    /** {@code file:line id (author)}. */
    static String describe(ChangesetLint changeset) {
        ChangesetRef ref = changeset.changeset().changeset();
        return changeset.changeset().location() + " " + ref.id() + " (" + ref.author() + ")";
    }

    /** The unacknowledged danger findings of a changeset. */
    static List<StatementFinding> blocking(ChangesetLint changeset) {
        return changeset.findings().stream().filter(f -> f.effectiveRisk() == Risk.DANGER).toList();
    }

    static String oneLine(String statement) {
        String line = statement.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    /** A changelog that does not parse is the user's to fix: a failure naming it, not a stack trace. */
    static DriftlessException unreadable(ChangelogException e) {
        return new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
    }
}
