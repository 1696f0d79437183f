package dev.driftless.api;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.generator.adopt.AdoptionPoint;
import dev.driftless.generator.adopt.BaselineChanges;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.render.ChangelogWriter;
import dev.driftless.generator.render.UnsafeChangelogException;
import dev.driftless.generator.render.UnsafeNameException;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiff;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code driftless baseline}: adopts a database that has no changelog yet by writing one that describes its schema,
 * then the adoption point, and recording both as applied without running them.
 */
final class Baseline {

    private final Config config;
    private final Clock clock;
    private final Consumer<String> progress;

    Baseline(Config config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
    }

    /** @param name the changelog's name, or null for {@code baseline} */
    Driftless.BaselineResult write(String name) {
        config.writableMaster();
        try (Target target = Target.open(config, progress); Connection connection = target.connect()) {
            ChangelogRunner runner = config.changelogRunner(connection);
            int existing = runner.status().size();
            if (existing > 0) {
                throw new DriftlessException(ExitCode.USAGE, "baseline adopts a database whose project has no changelog yet, but "
                        + config.changelogDirectory() + " already has " + existing + " changeset(s); use driftless diff instead");
            }
            ForeignHistory history = ForeignHistory.of(connection, config.runner().bookkeeping());
            progress.accept("reading " + target.describe());
            Schema actual = new CatalogIntrospector().read(connection);
            SchemaDiff diff = BaselineChanges.of(actual);
            if (diff.isEmpty()) {
                throw new DriftlessException(ExitCode.USAGE, "nothing to baseline: " + target.describe() + " has no tables or sequences");
            }
            ChangelogWriter.Written written = new ChangelogWriter(config.ddl(), config.runner().master()).write(config.changelogDirectory(), diff.changes(),
                    name != null ? name : "baseline", config.format(), clock.instant());
            AdoptionPoint.append(config.master(), "the baseline " + written.file().getFileName());
            return new Driftless.BaselineResult(written, runner.markApplied(), target.describe(), history);
        } catch (SQLException e) {
            throw TargetRunner.databaseFailure(e);
        } catch (UnsafeChangelogException | UnsafeNameException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        } catch (ChangelogException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }
}
