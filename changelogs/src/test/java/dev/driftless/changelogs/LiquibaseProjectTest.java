package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Liquibase project's own XML changelog (preconditions with MARK_RAN, validCheckSum including ANY, contexts, labels,
 * properties, a loadData CSV, runOnChange) applied by Liquibase 4.33's own update, as the project ran it: driftless
 * reading the same files on the same database must find nothing edited and nothing to run.
 */
class LiquibaseProjectTest {

    @TempDir
    Path project;

    TestDatabase database;
    Connection connection;

    @BeforeEach
    void connect() throws Exception {
        database = TestPostgres.freshDatabase();
        connection = database.connect();
        copy(Path.of("src/test/resources/liquibase-project"), project);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void whatLiquibaseItselfAppliedIsNeitherEditedNorPending() throws Exception {
        liquibaseUpdate("prod");
        assertEquals(List.of("EXECUTED", "MARK_RAN"), strings(
                "SELECT DISTINCT exectype FROM databasechangelog ORDER BY 1"), "the fixture has a MARK_RAN precondition");

        ChangelogRunner runner = new ChangelogRunner(connection, project).filtered("prod", null);
        assertEquals(List.of(), runner.validate().problems());
        assertEquals(List.of(), runner.pending());
        assertTrue(runner.status().stream().allMatch(ChangesetStatus::applied));
        assertTrue(runner.status().stream().noneMatch(s -> s.changeset().id().equals("test-only-data")), "another context's");
        assertEquals(List.of(), runner.apply(ApplyOptions.defaults().withDryRun(true), RunnerEvents.NONE).planned());
        assertTrue(runner.apply().upToDate());
        ChangelogRunner unfiltered = new ChangelogRunner(connection, project);
        assertTrue(unfiltered.apply(ApplyOptions.defaults().withFilters("prod", null), RunnerEvents.NONE).upToDate(),
                "apply's own --contexts reaches the parse, too");

        // Without the contexts the property has its test value, and Liquibase itself then finds the changeset edited.
        List<ValidationResult.Problem> problems = unfiltered.validate().problems();
        assertEquals(List.of("greeting"), problems.stream().map(p -> p.changeset().id()).toList(), problems::toString);
        Exception liquibase = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> liquibaseUpdate(null));
        assertTrue(causes(liquibase).contains("legacy/db.changelog-master.xml::greeting::legacy"), causes(liquibase));
        assertEquals(List.of("hello"), strings("SELECT value FROM app_setting WHERE name = 'greeting'"));
    }

    @Test
    void validCheckSumRunOnChangeAndAnEditAreJudgedAsLiquibaseJudgesThem() throws Exception {
        liquibaseUpdate("prod");
        String recorded = strings("SELECT md5sum FROM databasechangelog WHERE id = 'old-checksum'").get(0);
        Path master = project.resolve("legacy/db.changelog-master.xml");
        String text = Files.readString(master);
        Files.writeString(master, text
                .replace("ALTER COLUMN value TYPE varchar(500)", "ALTER COLUMN value TYPE varchar(600)")       // validCheckSum ANY
                .replace("9:00000000000000000000000000000000", recorded)                                        // declared valid
                .replace("<column name=\"name\"/>\n        </createIndex>", "<column name=\"name\"/>\n            <column name=\"code\"/>\n        </createIndex>")
                .replace("SELECT code, name FROM currency", "SELECT code, name, decimals FROM currency"));     // runOnChange
        ChangelogRunner runner = new ChangelogRunner(connection, project).filtered("prod", null);

        assertEquals(List.of(), runner.validate().problems());
        assertEquals(List.of("currency-view"), runner.pending().stream().map(ChangesetRef::id).toList());
        assertEquals(List.of("currency-view"), runner.apply(ApplyOptions.defaults().withFilters("prod", null), RunnerEvents.NONE)
                .applied().stream().map(e -> e.changeset().id()).toList());
        assertEquals(List.of("decimals"), strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'currency_summary' AND column_name = 'decimals'"));

        Files.writeString(master, Files.readString(master).replace("VALUES ('greeting', '${greeting}')", "VALUES ('greeting', 'hi')"));
        List<ValidationResult.Problem> problems = runner.validate().problems();
        assertEquals(List.of("greeting"), problems.stream().map(p -> p.changeset().id()).toList(), problems::toString);
        assertEquals(ValidationResult.Kind.CHECKSUM, problems.get(0).kind());
    }

    private void liquibaseUpdate(String contexts) throws Exception {
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(project)) {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources, QuietLiquibase.ANALYTICS_ENABLED, false), () -> {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(database.connect()));
                try {
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db.changelog-master.yaml")
                            .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                            .execute();
                } finally {
                    db.close();
                }
            });
        }
    }

    private static String causes(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
