package dev.driftless.api;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.generator.adopt.AdoptionPoint;
import dev.driftless.generator.adopt.FlywayFolder;
import dev.driftless.generator.adopt.FlywayPlaceholders;
import dev.driftless.generator.render.SqlFolderImport;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a folder of SQL migrations into the changelog: a Flyway folder (any file named like {@code V1__x.sql}) in
 * Flyway's order, or else numbered files ({@code 001_x.sql}) by number. The imported changesets have no rollback, so
 * the adoption point follows them. With {@code markApplied}, the target records as applied what already ran there:
 * for Flyway exactly what its history table says, checked against the files first. A Flyway folder's placeholders are
 * replaced as the application's Flyway replaced them ({@link FlywayPlaceholderValues}), once, at import.
 */
final class SqlImport {

    /** Flyway's history table when not told otherwise. */
    static final String FLYWAY_TABLE = "flyway_schema_history";

    private final Config config;
    private final Clock clock;
    private final Map<String, String> placeholders;

    /**
     * @param placeholders Flyway placeholder values given on the command line, by name; they win over the configured
     */
    SqlImport(Config config, Clock clock, Map<String, String> placeholders) {
        this.config = config;
        this.clock = clock;
        this.placeholders = Map.copyOf(placeholders);
    }

    /**
     * The outcome.
     *
     * @param kind    "Flyway" or "numbered"
     * @param skipped every file of the folder not imported, "name: why"
     * @param notes   what the reader should know about the history: missing files, changed repeatables
     * @param marked  the changesets recorded as applied (the adoption point among them when every import is)
     */
    record Result(String kind, List<Path> files, List<String> ids, List<String> skipped, List<String> notes,
                  List<ChangesetRef> marked) {
    }

    Result run(Path folder, boolean markApplied, String table) {
        if (!Files.isDirectory(folder)) {
            throw new DriftlessException(ExitCode.USAGE, folder + " is not a directory");
        }
        if (AdoptionPoint.existsIn(config.writableMaster())) {
            throw new DriftlessException(ExitCode.USAGE, "the project has an adoption point already; imported migrations"
                    + " have no rollback, so they belong before it: import them before driftless baseline, into a project"
                    + " without changelogs");
        }
        try (Target target = markApplied ? Target.open(config) : null;
             Connection connection = target == null ? null : target.connect()) {
            if (!FlywayFolder.looksLikeFlyway(folder)) {
                return numbered(folder, connection);
            }
            FlywayPlaceholderValues values = FlywayPlaceholderValues.of(config, placeholders);
            return flyway(FlywayFolder.read(folder), connection, table == null ? values.historyTable(FLYWAY_TABLE) : table,
                    values);
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
        } catch (ChangelogException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    private Result flyway(FlywayFolder read, Connection connection, String table, FlywayPlaceholderValues values)
            throws SQLException {
        if (read.migrations().isEmpty()) {
            throw new IllegalArgumentException("no Flyway migrations to import in " + read.folder());
        }
        FlywayPlaceholders placeholders = values.placeholders(connection, table, clock);
        FlywayFolder folder = read.withPlaceholders(placeholders); // refuses an unknown one before anything is written
        FlywayHistory.Applied applied = null;
        if (connection != null) {
            FlywayHistory history = FlywayHistory.read(connection, table).orElseThrow(() -> new DriftlessException(
                    ExitCode.USAGE, "the target has no " + table + ", so --mark-applied cannot tell which migrations ran"
                    + " (name Flyway's history table with --table, or import without --mark-applied)"));
            applied = history.applied(folder); // refuses before anything is written
        }
        List<SqlFolderImport.Source> sources = folder.migrations().stream()
                .map(m -> new SqlFolderImport.Source(m.file(), m.kind() == FlywayFolder.Kind.REPEATABLE, m.sql())).toList();
        SqlFolderImport.Imported imported = write(sources, folder.migrations().size() + " Flyway migration(s)");
        List<String> skipped = folder.skipped().stream()
                .map(s -> folder.folder().relativize(s.file()) + ": " + s.reason()).toList();
        List<String> notes = new ArrayList<>(placeholderNote(placeholders));
        if (applied == null) {
            return new Result("Flyway", imported.files(), imported.ids(), skipped, notes, List.of());
        }
        notes.addAll(applied.notes());
        Set<String> ran = applied.applied().stream().map(m -> new SqlFolderImport.Source(m.file(), false).id())
                .collect(java.util.stream.Collectors.toSet());
        return new Result("Flyway", imported.files(), imported.ids(), skipped, notes,
                mark(connection, ran, ran.size() == imported.ids().size()));
    }

    /** What the changesets now say in place of each placeholder: the values are fixed at import. */
    private static List<String> placeholderNote(FlywayPlaceholders placeholders) {
        if (placeholders.used().isEmpty()) {
            return List.of();
        }
        List<String> each = new ArrayList<>();
        placeholders.used().forEach((name, v) -> each.add(name + " = '" + (Secrets.namedLikeASecret(name) ? "***"
                : v.value()) + "' (" + v.origin() + ")"));
        return List.of("Flyway placeholders replaced, as written into the changesets: " + String.join(", ", each));
    }

    private Result numbered(Path folder, Connection connection) {
        List<SqlFolderImport.Source> sources = SqlFolderImport.numberedFiles(folder).stream()
                .map(f -> new SqlFolderImport.Source(f, false)).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no numbered .sql files (like 001_create_tables.sql) nor Flyway"
                    + " migrations (like V1__create_tables.sql) in " + folder);
        }
        SqlFolderImport.Imported imported = write(sources, sources.size() + " numbered SQL migration(s)");
        List<String> skipped = SqlFolderImport.notNumbered(folder).stream()
                .map(f -> f.getFileName() + ": not a numbered .sql file (like 001_create_tables.sql)").toList();
        List<ChangesetRef> marked = connection == null ? List.of() : mark(connection, Set.copyOf(imported.ids()), true);
        return new Result("numbered", imported.files(), imported.ids(), skipped, List.of(), marked);
    }

    private SqlFolderImport.Imported write(List<SqlFolderImport.Source> sources, String what) {
        SqlFolderImport.Imported imported = new SqlFolderImport().importSources(sources, config.master());
        AdoptionPoint.append(config.master(), what);
        return imported;
    }

    /** Marks the imported changesets of {@code ids}, and the adoption point when nothing imported stays pending. */
    private List<ChangesetRef> mark(Connection connection, Set<String> ids, boolean adoptionPointToo) {
        return config.changelogRunner(connection).markApplied(ref ->
                (SqlFolderImport.AUTHOR.equals(ref.author()) && ids.contains(ref.id()))
                        || (adoptionPointToo && AdoptionPoint.is(ref.id(), ref.author())));
    }
}
