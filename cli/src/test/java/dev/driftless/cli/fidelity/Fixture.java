package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.RunnerEvents;
import dev.driftless.changelogs.backup.BackupPolicy;
import dev.driftless.api.Config;
import dev.driftless.api.RenameSettings;
import dev.driftless.generator.findings.IgnoreRules;
import dev.driftless.api.Driftless;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.generator.render.ChangeSet;
import dev.driftless.generator.render.ChangelogFormat;
import dev.driftless.model.Schema;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One entity model of the fidelity corpus ({@code src/test/resources/fixtures/…}): its sources, an optional
 * {@code fixture.properties} ({@code naming}, {@code default-schema}), and the driftless set-up that diffs it
 * against a test database of its own.
 */
final class Fixture {

    static final Path ROOT = Path.of("src/test/resources/fixtures");

    private Fixture() {
    }

    /** The fixture directories directly under {@code fixtures/<group>}, sorted. */
    static Stream<String> names(String group) {
        try (Stream<Path> dirs = Files.list(ROOT.resolve(group))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(Path fixture) {
        Properties properties = new Properties();
        Path file = fixture.resolve("fixture.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /** A clock that ticks one second per reading, so every changelog written gets its own, predictable name. */
    static Clock ticking() {
        return new Clock() {
            private Instant next = Instant.parse("2026-01-01T00:00:00Z");

            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public synchronized Instant instant() {
                Instant now = next;
                next = next.plusSeconds(1);
                return now;
            }
        };
    }

    /** A project directory with compiled classes, a changelog directory and a database, driven through the facade. */
    static final class Project implements AutoCloseable {
        final Path directory;
        final TestDatabase database;
        final Clock clock = ticking();
        Path classes;
        Properties properties = new Properties();
        boolean dropUnmapped;
        List<String> ignore = List.of();
        /** The project's class path besides its classes (the application's own hibernate-core, say). */
        List<Path> classpath = List.of();

        Project(Path directory) {
            this.directory = directory;
            this.database = TestPostgres.freshDatabase();
        }

        /** Compiles the fixture's sources as the model from now on. */
        Project model(Path sources, String version) {
            classes = ModelCompiler.compile(sources, directory.resolve("classes-" + version));
            Properties own = properties(sources);
            if (!own.isEmpty()) {
                properties = own;
            }
            return this;
        }

        Config config() {
            String devUrl = database.url().contains("?") ? database.url() : database.url() + "?user=" + database.user();
            return new Config(directory, List.of(classes), classpath,
                    NamingStrategy.parse(properties.getProperty("naming")), properties.getProperty("default-schema"),
                    directory.resolve("changelogs"), ChangelogFormat.SQL, database.url(), database.user(),
                    database.password().isEmpty() ? null : database.password(), directory.resolve(".driftless"),
                    dropUnmapped, devUrl,
                    // no renames from history, no backups: the corpus is about the diff itself
                    new RenameSettings(List.of(), directory.resolve("src"), false, null, false),
                    new Config.Runner(BackupPolicy.NEVER, directory.resolve("backups"), null, ApplyOptions.DEFAULT_LOCK_TIMEOUT),
                    List.of(), new IgnoreRules(ignore, List.of(), java.util.Set.of()), hibernateSettings());
        }

        /** The model's naming and schema, and any {@code hibernate.*} key of its fixture.properties as the application's. */
        private dev.driftless.api.HibernateSettings hibernateSettings() {
            java.util.SortedMap<String, String> settings = new java.util.TreeMap<>();
            properties.stringPropertyNames().stream().filter(k -> k.startsWith("hibernate."))
                    .forEach(k -> settings.put(k, properties.getProperty(k)));
            return new dev.driftless.api.HibernateSettings(NamingStrategy.parse(properties.getProperty("naming")),
                    properties.getProperty("default-schema"), settings, null, null);
        }

        /** Drops the database: the corpus creates many, and the test server should not carry them all to the end. */
        @Override
        public void close() {
            TestPostgres.scratchDatabases().drop(database.name());
        }

        Driftless driftless() {
            return new Driftless(config(), clock, line -> { });
        }

        Driftless.DiffResult diff(String name) {
            return driftless().diff(name);
        }

        /** Applies what is pending; the fixtures change their models on purpose, destructive changes included. */
        void apply() {
            driftless().apply(ApplyOptions.defaults(), RunnerEvents.NONE, true);
        }

        void rollback(int count) {
            driftless().rollback(count);
        }

        Schema read() {
            try (Connection connection = database.connect()) {
                return new CatalogIntrospector().read(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void execute(String sql) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        List<List<String>> rows(String sql) {
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 var rs = statement.executeQuery(sql)) {
                List<List<String>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs each changeset's SQL through plain JDBC on a database of its own and reads the schema after each:
     * element 0 is the schema before the first changeset, element i the schema after changeset i.
     */
    static List<Schema> statesAfterEachChangeset(List<ChangeSet> sets) {
        TestDatabase database = TestPostgres.freshDatabase();
        List<Schema> states = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            CatalogIntrospector introspector = new CatalogIntrospector();
            states.add(introspector.read(connection));
            for (ChangeSet set : sets) {
                try {
                    statement.execute(set.sql());
                } catch (SQLException e) {
                    throw new AssertionError("changeset " + set.id() + " (" + set.comment() + ") failed: "
                            + e.getMessage() + "\n" + set.sql(), e);
                }
                states.add(introspector.read(connection));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            TestPostgres.scratchDatabases().drop(database.name());
        }
        return states;
    }

    /** The two schemas are the same once PostgreSQL's spelling of check constraints is made to agree. */
    static void assertSameSchema(Schema expected, Schema actual, String message) {
        CheckNormaliser.Normalised both = new CheckNormaliser(TestPostgres.scratchDatabases()).normalise(expected, actual);
        assertEquals(both.actual().namespaces(), both.desired().namespaces(), message + ": namespaces");
        assertEquals(both.actual().sequences(), both.desired().sequences(), message + ": sequences");
        assertEquals(both.actual().tables(), both.desired().tables(), message + ": tables");
        assertEquals(both.actual(), both.desired(), message);
    }
}
