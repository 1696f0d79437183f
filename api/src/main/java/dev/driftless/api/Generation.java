package dev.driftless.api;

import dev.driftless.api.Driftless.DiffMode;
import dev.driftless.api.Driftless.DiffResult;
import dev.driftless.api.Driftless.RenameQuestion;
import dev.driftless.api.Driftless.RenameReport;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.generator.cache.DesiredSchemas;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EnumConversions;
import dev.driftless.generator.entity.SequenceStarts;
import dev.driftless.generator.entity.TimestampConversions;
import dev.driftless.generator.history.HistoryException;
import dev.driftless.generator.history.SourceHistory;
import dev.driftless.generator.render.ChangelogWriter;
import dev.driftless.generator.render.UnsafeChangelogException;
import dev.driftless.generator.render.UnsafeNameException;
import dev.driftless.model.CaseOnlyRenames;
import dev.driftless.model.Change;
import dev.driftless.model.DiffOptions;
import dev.driftless.model.Renames;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiff;
import dev.driftless.model.SchemaDiffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code driftless diff}: the entities against the target, renames resolved (hints, source history, confirmed
 * probable ones), the data the changes would break checked, and the changelog written, previewed or put in place of
 * the newest one.
 */
final class Generation {

    private final Config config;
    private final Clock clock;
    private final Consumer<String> progress;

    Generation(Config config, Clock clock, Consumer<String> progress) {
        this.config = config;
        this.clock = clock;
        this.progress = progress;
    }

    /** @param name the changelog's name, or null to name it after its changes */
    DiffResult run(String name, RenameQuestion question, DiffMode mode) {
        if (mode != DiffMode.PRINT) {
            config.writableMaster();
        }
        try (Target target = Target.open(config, progress); Connection connection = target.connect();
             DevServer dev = DevServer.forTarget(config, target, progress)) {
            ChangelogReplacement replacing = null;
            List<ChangesetRef> pending;
            if (mode == DiffMode.REPLACE) {
                replacing = ChangelogReplacement.find(config.master(),
                        config.changelogRunner(connection).status());
                ChangelogReplacement replaced = replacing;
                pending = config.changelogRunner(connection).pending().stream().filter(c -> !replaced.holds(c)).toList();
            } else {
                pending = config.changelogRunner(connection).pending(config.cache());
            }
            DiffResult result = diff(name, question, mode, target, connection, dev, pending);
            if (replacing == null || result.blockedByPending()) {
                return result;
            }
            Path setAside = replacing.setAside(config.dataDirectory().resolve("replaced"));
            progress.accept("set aside " + replacing.file().getFileName() + " in " + setAside.getParent());
            if (result.written() == null) {
                return result.withSetAside(setAside);
            }
            ChangelogWriter.Written written = new ChangelogWriter(config.ddl(), config.runner().master()).write(result.written());
            return new DiffResult(result.changes(), List.of(), written, result.diff(), result.target(), result.renames(),
                    result.dataProblems(), result.tableSizes(), setAside);
        } catch (SQLException e) {
            throw TargetRunner.databaseFailure(e);
        } catch (UnsafeChangelogException | UnsafeNameException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private DiffResult diff(String name, RenameQuestion question, DiffMode mode, Target target, Connection connection,
                            DevServer dev, List<ChangesetRef> pending) throws SQLException {
        if (!pending.isEmpty()) {
            return new DiffResult(List.of(), pending, null, null, target.describe());
        }
        DesiredSchemas.Desired desired = Entities.read(config, serverVersion(connection), dev, progress);
        EntityModel model = desired.model();
        progress.accept("reading " + target.describe());
        Schema actual = new CatalogIntrospector().read(connection);
        CheckNormaliser.Normalised both = new CheckNormaliser(dev).normalise(actual, desired.schema());
        DiffOptions options = new DiffOptions(config.dropUnmapped(), config.ignore().tables());
        SchemaDiffer differ = new SchemaDiffer(options);
        List<Renames.Request> requests = new ArrayList<>(config.renames().hints());
        requests.addAll(renamesFromHistory());
        requests.addAll(CaseOnlyRenames.find(both.actual(), both.desired(), options));
        Renames.Resolution resolution = resolveRenames(both, requests);
        SchemaDiff diff = convertEnums(Renames.diff(differ, both.desired(), resolution), model, actual);
        List<Change.RenameColumn> confirmed = Renames.probable(diff.changes()).stream().filter(question::isRename).toList();
        if (!confirmed.isEmpty()) {
            confirmed.forEach(c -> requests.add(new Renames.Request(c, Renames.Origin.CONFIRMED, "confirmed probable rename")));
            resolution = resolveRenames(both, requests);
            diff = convertEnums(Renames.diff(differ, both.desired(), resolution), model, actual);
        }
        List<Change.RenameColumn> probable = Renames.probable(diff.changes());
        RenameReport renames = new RenameReport(resolution.renames(), probable, resolution.alreadyApplied());
        if (diff.isEmpty()) {
            return new DiffResult(List.of(), List.of(), null, diff, target.describe(), renames);
        }
        DataChecks.refuseReinterpreting(diff.changes());
        List<String> dataProblems = new ArrayList<>(new DataChecks(connection).problems(diff.changes()));
        dataProblems.addAll(DataChecks.objectsOnDroppedColumns(actual, diff.changes()));
        String fileName = name != null ? name : defaultName(actual, diff.changes());
        ChangelogWriter writer = new ChangelogWriter(config.ddl(), config.runner().master());
        // A replacement is written once the old file is set aside: until then, only previewed.
        ChangelogWriter.Written written = mode == DiffMode.WRITE
                ? writer.write(config.changelogDirectory(), diff.changes(), fileName, config.format(),
                        clock.instant(), probableRenameNotes(diff.changes(), probable))
                : writer.preview(config.changelogDirectory(), diff.changes(), fileName, config.format(),
                        clock.instant(), probableRenameNotes(diff.changes(), probable));
        return new DiffResult(diff.changes(), List.of(), written, diff, target.describe(), renames, dataProblems,
                TableSize.of(connection, diff.changes().stream().map(Change::table).filter(java.util.Objects::nonNull).toList()));
    }

    /**
     * Enum columns whose storage changes (ORDINAL to STRING) keep their values: the type change converts them. A new
     * sequence for a table that already has rows starts after their ids.
     */
    private SchemaDiff convertEnums(SchemaDiff found, EntityModel model, Schema actual) {
        List<Change> changes = EnumConversions.apply(found.changes(), model.enumColumns());
        changes = SequenceStarts.apply(changes, model.sequenceIds(), actual);
        return found.withChanges(TimestampConversions.apply(changes, applicationTimeZone()));
    }

    /**
     * The zone the application's local times are in: {@code hibernate.jdbc.time_zone} when it sets one, else the zone of
     * the JVM running diff (the application's own JVM zone is not known here; the changeset names the zone it used).
     */
    private String applicationTimeZone() {
        String configured = config.hibernate().settings().get("hibernate.jdbc.time_zone");
        return configured != null && !configured.isBlank() ? configured.strip() : java.time.ZoneId.systemDefault().getId();
    }

    /** Renames found in the git history of every entity source root (the --sources given to all commands). */
    private List<Renames.Request> renamesFromHistory() {
        if (!config.renames().history()) {
            return List.of();
        }
        List<Renames.Request> requests = new ArrayList<>();
        // a note that is the same for every root (the naming strategy's) is said once
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        for (Path root : config.sources()) {
            try {
                SourceHistory.Found found = SourceHistory.find(root, config.renames().since(), config.naming(),
                        config.defaultSchema());
                notes.add(found.note());
                requests.addAll(found.requests());
            } catch (HistoryException e) {
                throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
            }
        }
        notes.forEach(progress);
        return requests;
    }

    private static Renames.Resolution resolveRenames(CheckNormaliser.Normalised both, List<Renames.Request> requests) {
        Renames.Resolution resolution = Renames.resolve(both.actual(), both.desired(), requests);
        if (!resolution.problems().isEmpty()) {
            throw new DriftlessException(ExitCode.USAGE, "cannot rename as asked:\n  "
                    + String.join("\n  ", resolution.problems())
                    + "\n(name the column or table as the database has it on the left and as the entities map it on the right)");
        }
        return resolution;
    }

    /** The sentence in the changelog next to the drop of a probably renamed column. */
    private static Map<Change, String> probableRenameNotes(List<Change> changes, List<Change.RenameColumn> probable) {
        Map<Change, String> notes = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change instanceof Change.DropColumn drop) {
                probable.stream().filter(p -> p.table().equals(drop.table()) && p.from().equals(drop.column().name()))
                        .findFirst().ifPresent(p -> notes.put(change, "PROBABLE RENAME to " + p.to()
                                + ": if so, generate again with --rename " + Driftless.renameHint(p)));
            }
        }
        return notes;
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
}
