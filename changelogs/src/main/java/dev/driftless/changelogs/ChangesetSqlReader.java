package dev.driftless.changelogs;

import dev.driftless.changelogs.lint.ChangesetSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.Change;
import liquibase.change.AbstractSQLChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.OfflineConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/**
 * Reads a changelog (formatted SQL, YAML, XML, and whatever it includes) with Liquibase's own parser and generates each
 * changeset's SQL the way a dry run does, for the linter. Offline: no database is needed, Liquibase generates the
 * SQL for PostgreSQL without a connection, so {@code lint FILE} runs anywhere.
 */
public final class ChangesetSqlReader {

    private final Path root;
    private final LiquibaseExtensions extensions;
    private final ChangesetFilter filter;

    /** @param root the directory changelog paths are relative to (the changelog directory), as the runner roots them */
    public ChangesetSqlReader(Path root) {
        this(root, LiquibaseExtensions.NONE);
    }

    /** As {@link #ChangesetSqlReader(Path)}, generating SQL as the project's Liquibase with its extensions does. */
    public ChangesetSqlReader(Path root, LiquibaseExtensions extensions) {
        this(root, extensions, ChangesetFilter.ALL);
    }

    /** As {@link #ChangesetSqlReader(Path, LiquibaseExtensions)}, with the project's contexts, labels and parameters. */
    public ChangesetSqlReader(Path root, LiquibaseExtensions extensions, ChangesetFilter filter) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /**
     * Every changeset of {@code file} (relative to the root, or absolute under it) and the files it includes, in order.
     *
     * @throws ChangelogException when the changelog does not parse
     */
    public List<ChangesetSql> read(String file) {
        String relative = file.replace('\\', '/');
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(root)) {
            return QuietLiquibase.call(resources, extensions, () -> {
                Database database = extensions.databaseFor(new OfflineConnection("offline:postgresql", resources));
                ChangeLogParameters parameters = new ChangeLogParameters(database);
                filter.applyTo(parameters);
                DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(relative, resources)
                        .parse(relative, parameters, resources);
                Lines lines = new Lines(root);
                List<ChangesetSql> changesets = new ArrayList<>();
                for (ChangeSet changeSet : changelog.getChangeSets()) {
                    changesets.add(read(changeSet, database, lines));
                }
                return List.copyOf(changesets);
            });
        } catch (ChangelogException e) {
            throw e;
        } catch (Exception e) {
            throw new ChangelogException("Cannot read " + relative + ": " + Failures.describe(e), e);
        }
    }

    private static ChangesetSql read(ChangeSet changeSet, Database database, Lines lines) {
        List<String> statements = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        StringBuilder raw = new StringBuilder(changeSet.getComments() == null ? "" : changeSet.getComments());
        for (Change change : changeSet.getChanges()) {
            if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
                raw.append('\n').append(sql.getSql());
            }
            try {
                change.finishInitialization();
                for (SqlStatement statement : change.generateStatements(database)) {
                    for (Sql generated : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                        statements.add(generated.toSql());
                    }
                }
            } catch (Exception e) {
                problems.add("cannot generate the SQL of its " + change.getSerializedObjectName() + " change offline ("
                        + Failures.describe(e) + "): review it by hand");
            }
        }
        Set<String> labels = changeSet.getLabels() == null ? Set.of() : changeSet.getLabels().getLabels();
        ChangesetRef ref = ChangelogRunner.ref(changeSet);
        return new ChangesetSql(ref, lines.of(ref), labels, statements, raw.toString(), problems,
                changeSet.isRunInTransaction());
    }

    /** Finds the line a changeset starts on, reading and indexing each file once (a scan per changeset was quadratic). */
    private static final class Lines {
        private static final Pattern SQL = Pattern.compile("^\\s*--\\s*changeset\\s+[^:\\s]+:(\\S+)", Pattern.CASE_INSENSITIVE);
        private static final Pattern XML = Pattern.compile("<changeSet\\b[^>]*\\bid=[\"']([^\"']+)[\"']");
        private static final Pattern YAML = Pattern.compile("^\\s*(?:-\\s+)?id:\\s*[\"']?([^\"'\\s]+)[\"']?\\s*$");

        private final Path root;
        private final Map<String, Map<String, Integer>> files = new HashMap<>();

        Lines(Path root) {
            this.root = root;
        }

        int of(ChangesetRef ref) {
            return files.computeIfAbsent(ref.file(), this::index).getOrDefault(ref.id(), 0);
        }

        /** The first line of each changeset id in {@code file}. */
        private Map<String, Integer> index(String file) {
            Pattern start = file.endsWith(".sql") ? SQL : file.endsWith(".xml") ? XML : YAML;
            Map<String, Integer> lines = new HashMap<>();
            List<String> text = load(file);
            for (int i = 0; i < text.size(); i++) {
                Matcher m = start.matcher(text.get(i));
                while (m.find()) {
                    lines.putIfAbsent(m.group(1), i + 1);
                }
            }
            return lines;
        }

        private List<String> load(String file) {
            try {
                Path path = root.resolve(file);
                return Files.isRegularFile(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
            } catch (IOException | RuntimeException e) {
                return List.of(); // the line is a convenience; the lint does not depend on it
            }
        }
    }
}
