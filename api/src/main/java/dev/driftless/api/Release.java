package dev.driftless.api;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.RunnerEvents;
import dev.driftless.changelogs.ValidationResult;
import dev.driftless.changelogs.lint.ChangesetLint;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code driftless release}: the steps of a release pipeline in one call — backup, validate-changelog, lint of the
 * pending changesets, dry run, apply — stopping at the first that fails. A step that fails as an error (a backup
 * that cannot be made, a failed changeset) throws, as the command alone would, with its exit code; a step whose
 * result is a failure (validate-changelog's problems, lint's findings) ends the release with exit 1.
 */
public final class Release {

    /** One finished step: its name, whether it passed, and a line or more to show. */
    public record Step(String name, boolean passed, List<String> lines) {
        public Step {
            lines = List.copyOf(lines);
        }
    }

    /**
     * @param steps   the steps that ran, in order; the last one failed when {@code exitCode} is not 0
     * @param applied the apply's outcome, or null when the release stopped before it
     */
    public record Outcome(List<Step> steps, ExitCode exitCode, Driftless.ApplyOutcome applied) {
    }

    /**
     * @param backup      whether to back up first (false: the pipeline backs up on its own)
     * @param strictLint  fail on lint's caution and unknown statements too
     */
    public record Settings(boolean backup, boolean strictLint, boolean allowDestructive) {
    }

    private final Driftless driftless;
    private final Consumer<Step> onStep;

    /** @param onStep told of each step as it finishes, so a pipeline log shows how far the release got */
    public Release(Driftless driftless, Consumer<Step> onStep) {
        this.driftless = driftless;
        this.onStep = onStep;
    }

    public Outcome run(ApplyOptions options, RunnerEvents events, Settings settings) {
        List<Step> steps = new java.util.ArrayList<>();
        if (settings.backup()) {
            Driftless.BackupResult backup = driftless.backup(null);
            report(steps, new Step("backup", true, List.of("backed up to " + backup.backup().path())));
        }
        ValidationResult validation = driftless.validateChangelog();
        report(steps, new Step("validate-changelog", validation.ok(), validation.ok()
                ? List.of(validation.changesets() + " changeset(s), " + validation.applied() + " applied: no problems")
                : validation.problems().stream().map(p -> p.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + p.message()).toList()));
        if (!validation.ok()) {
            return new Outcome(steps, ExitCode.FAILURE, null);
        }
        Driftless.LintResult lint = driftless.lint(List.of(), false);
        boolean lintFails = lint.report().fails(settings.strictLint());
        List<String> findings = lint.report().changesets().stream().filter(c -> !c.notable().isEmpty())
                .map(Release::describe).toList();
        report(steps, new Step("lint", !lintFails, findings.isEmpty()
                ? List.of(lint.report().changesets().size() + " pending changeset(s): highest risk " + lint.report().risk().label())
                : findings));
        if (lintFails) {
            return new Outcome(steps, ExitCode.FAILURE, null);
        }
        ApplyResult plan = driftless.apply(options.withDryRun(true), RunnerEvents.NONE, settings.allowDestructive()).result();
        report(steps, new Step("dry run", true, plan.planned().isEmpty() ? List.of("nothing to apply")
                : plan.planned().stream().flatMap(p -> java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("-- " + p.changeset().file() + " :: " + p.changeset().id()),
                        p.sql().stream().map(s -> s.strip().endsWith(";") ? s.strip() : s.strip() + ";"))).toList()));
        if (plan.planned().isEmpty()) {
            return new Outcome(steps, ExitCode.OK, null);
        }
        Driftless.ApplyOutcome applied = driftless.apply(options.withDryRun(false), events, settings.allowDestructive());
        report(steps, new Step("apply", true, List.of("applied " + applied.result().applied().size() + " changeset(s)"
                + (applied.result().tag() == null ? "" : ", tagged " + applied.result().tag()))));
        return new Outcome(steps, ExitCode.OK, applied);
    }

    private void report(List<Step> steps, Step step) {
        steps.add(step);
        onStep.accept(step);
    }

    private static String describe(ChangesetLint changeset) {
        return changeset.risk().label().toUpperCase(java.util.Locale.ROOT) + " " + changeset.changeset().location() + " "
                + changeset.changeset().changeset().id() + ": " + changeset.notable().stream()
                .map(f -> f.finding().rule() + (f.acknowledged() ? " (acknowledged)" : "")).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
