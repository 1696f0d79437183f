package dev.driftless.cli;

import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.generator.devdb.DevDatabase;
import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EnumConversions;
import dev.driftless.generator.entity.EntityReadException;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.render.ChangelogWriter;
import dev.driftless.model.Change;
import dev.driftless.model.DiffOptions;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiff;
import dev.driftless.model.SchemaDiffer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The public Java facade: one place that wires read → diff → render → apply. The commands are thin
 * shells over it; a build tool or a test can call it directly.
 */
public final class Driftless {

    private final Config config;
    private final Clock clock;
    private final Consumer<String> progress;

    public Driftless(Config config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
    }

    /** The outcome of {@link #diff}. */
    public record DiffResult(List<Change> changes, List<ChangesetRef> pendingFirst, ChangelogWriter.Written written,
                             SchemaDiff diff, String target) {
        public boolean blockedByPending() {
            return !pendingFirst.isEmpty();
        }
    }

    /**
     * Compares the entities with the target and writes a changelog of the differences. Writes nothing when
     * there are none, or when the target has changesets that are not applied yet (they would be generated twice).
     */
    public DiffResult diff(String name) {
        try (Target target = Target.open(config); Connection connection = target.connect()) {
            List<ChangesetRef> pending = new ChangelogRunner(connection, config.changelogDirectory()).pending();
            if (!pending.isEmpty()) {
                return new DiffResult(List.of(), pending, null, null, target.describe());
            }
            progress.accept("reading entities from " + config.classes());
            EntityModel model = readEntities(serverVersion(connection));
            progress.accept("reading " + target.describe());
            Schema actual = new CatalogIntrospector().read(connection);
            progress.accept("normalising " + model.entityClasses().size() + " mapped classes through PostgreSQL");
            CheckNormaliser.Normalised both = withDevDatabase(target, dev -> new CheckNormaliser(dev)
                    .normalise(actual, new DevDatabase(dev).materialize(model.ddl())));
            SchemaDiff found = new SchemaDiffer(new DiffOptions(config.dropUnmapped(), config.ignore())).diff(both.actual(), both.desired());
            SchemaDiff diff = new SchemaDiff(EnumConversions.apply(found.changes(), model.enumColumns()),
                    found.unmappedTables(), found.unmappedSequences(), found.unmappedEnumTypes(), found.ignoredTables());
            if (diff.isEmpty()) {
                return new DiffResult(List.of(), List.of(), null, diff, target.describe());
            }
            String fileName = name != null ? name : defaultName(actual, diff.changes());
            ChangelogWriter.Written written = new ChangelogWriter()
                    .write(config.changelogDirectory(), diff.changes(), fileName, config.format(), clock.instant());
            return new DiffResult(diff.changes(), List.of(), written, diff, target.describe());
        } catch (SQLException e) {
            throw databaseFailure(e);
        }
    }

    public ApplyResult apply() {
        return withRunner(ChangelogRunner::apply);
    }

    public List<ChangesetStatus> status() {
        return withRunner(ChangelogRunner::status);
    }

    public RollbackResult rollback(int count) {
        return withRunner(runner -> runner.rollback(count));
    }

    private <T> T withRunner(Function<ChangelogRunner, T> action) {
        try (Target target = Target.open(config); Connection connection = target.connect()) {
            return action.apply(new ChangelogRunner(connection, config.changelogDirectory()));
        } catch (SQLException e) {
            throw databaseFailure(e);
        } catch (ChangelogException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    private EntityModel readEntities(String serverVersion) {
        try {
            return new EntityReader().read(new EntityReader.Settings(config.classes(), config.classpath(),
                    config.naming(), config.defaultSchema(), serverVersion));
        } catch (EntityReadException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    /**
     * Runs work on the dev database server: the one given as dev-url, else the target's own server when it is the
     * embedded one, else a throwaway embedded server under .driftless/devdb.
     */
    private <T> T withDevDatabase(Target target, Function<ScratchDatabases, T> work) {
        if (config.devUrl() != null) {
            return work.apply(ScratchDatabases.onServer(config.devUrl(), new java.util.Properties()));
        }
        if (target.embeddedServer() != null) {
            return work.apply(ScratchDatabases.on(target.embeddedServer()));
        }
        try (EmbeddedServer dev = EmbeddedServer.start(config.dataDirectory().resolve("devdb"), false)) {
            return work.apply(ScratchDatabases.on(dev));
        } catch (IOException e) {
            throw new DriftlessException(ExitCode.FAILURE, "could not start the embedded dev database: " + e.getMessage(), e);
        }
    }

    private static String serverVersion(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion();
    }

    private static String defaultName(Schema actual, List<Change> changes) {
        if (actual.tables().isEmpty()) {
            return "initial-schema";
        }
        String first = changes.get(0).describe();
        return changes.size() == 1 ? first : first + "-and-" + (changes.size() - 1) + "-more";
    }

    private static DriftlessException databaseFailure(SQLException e) {
        return new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
    }
}
