package dev.driftless.maven;

import dev.driftless.api.Driftless;
import dev.driftless.changelogs.lint.ChangesetLint;
import dev.driftless.changelogs.lint.StatementFinding;
import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Classifies changesets by what they can do to a live database (safe, caution, danger), as {@code driftless lint}:
 * those the database has not applied yet, the given files, or with {@code all} the whole changelog. Fails the build
 * on danger, and with {@code strict} on caution and on statements it does not recognise.
 */
@Mojo(name = "lint", threadSafe = true)
public final class LintMojo extends DriftlessMojo {

    /** Changelog files to lint (formatted SQL, YAML or XML). */
    @Parameter(property = "driftless.files")
    List<File> files;

    /** Lint every changeset of the changelog, applied or not (needs no database). */
    @Parameter(property = "driftless.all", defaultValue = "false")
    boolean all;

    /** Also fail on caution and on statements the linter does not recognise. */
    @Parameter(property = "driftless.strict", defaultValue = "false")
    boolean strict;

    @Override
    String goal() {
        return "lint";
    }

    @Override
    void run() throws MojoFailureException {
        Driftless.LintResult result = driftless(config()).lint(
                files == null ? List.of() : files.stream().map(f -> f.toPath().toAbsolutePath()).toList(), all, false);
        StringBuilder report = new StringBuilder();
        for (ChangesetLint changeset : result.report().changesets()) {
            if (changeset.notable().isEmpty()) {
                continue;
            }
            report.append(changeset.risk().label().toUpperCase(Locale.ROOT)).append(' ')
                    .append(changeset.changeset().location()).append(' ').append(changeset.changeset().changeset().id()).append('\n');
            for (StatementFinding finding : changeset.notable()) {
                report.append("  ").append(finding.finding().rule()).append(" (").append(finding.finding().risk().label())
                        .append(finding.acknowledged() ? ", acknowledged" : "").append("; ").append(finding.finding().lock())
                        .append(" lock): ").append(finding.finding().message()).append('\n');
            }
        }
        report.append("Linted ").append(result.report().changesets().size()).append(" changeset(s) (").append(result.scope())
                .append("): highest risk ").append(result.report().risk().label()).append('.');
        if (result.report().fails(strict)) {
            throw new MojoFailureException(report.toString());
        }
        info(report.toString());
    }
}
