package dev.driftless.cli;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangelogVerifier;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.generator.devdb.DevDatabase;
import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EntityReadException;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.findings.Finding;
import dev.driftless.generator.findings.Findings;
import dev.driftless.generator.findings.Origin;
import dev.driftless.generator.source.SourceIndex;
import dev.driftless.model.DiffOptions;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiff;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CI gate: {@code validate} (the model against a live database, read-only) and {@code check} (the model against
 * its changelogs, offline). Both are functions over the differ's changes: findings come from {@link Findings}.
 */
public final class Gate {

    /** Replayed changelog databases kept in the check server, newest first; older ones are dropped. */
    private static final int CACHED_REPLAYS = 3;
    static final String REPLAY_PREFIX = "driftless_replay_";

    private final Config config;
    private final Consumer<String> progress;

    Gate(Config config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    // ------------------------------------------------------------------ validate

    /**
     * @param findings every difference, after the ignore rules, sorted by table
     * @param tables   every table the model maps (for reports that list the tables that agree too)
     * @param classified whether changelogs were there to tell where each difference came from
     * @param ignored  how many findings the ignore rules left out
     */
    public record ValidateResult(String target, List<Finding> findings, List<QualifiedName> tables, boolean classified,
                          int ignored, int pending, Duration took) {
        public boolean agrees() {
            return findings.isEmpty();
        }
    }

    ValidateResult validate() {
        long start = System.nanoTime();
        try (Target target = Target.open(config); Connection connection = target.connect()) {
            connection.setReadOnly(true);
            progress.accept("reading entities from " + config.classes());
            EntityModel model = readEntities(serverVersion(connection));
            progress.accept("reading " + target.describe());
            Schema actual = new CatalogIntrospector().read(connection);
            ChangelogRunner runner = new ChangelogRunner(connection, config.changelogDirectory());
            boolean haveChangelogs = Files.isRegularFile(runner.masterChangelog());
            List<ChangesetStatus> statuses = haveChangelogs ? status(runner) : List.of();
            SourceIndex sources = sources();
            Findings findings = new Findings(model.mapping(), sources);
            return withScratchServer(target, dev -> {
                progress.accept("normalising " + model.entityClasses().size() + " mapped classes through PostgreSQL");
                Schema desired = new DevDatabase(dev).materialize(model.ddl());
                List<Finding> all = findings.of(diff(dev, actual, desired));
                if (haveChangelogs && !all.isEmpty()) {
                    progress.accept("replaying the changelogs to tell where each difference came from");
                    all = classify(all, dev, statuses, desired, findings);
                }
                List<Finding> kept = config.ignore().apply(all);
                List<QualifiedName> tables = desired.tables().stream().map(Table::name).toList();
                int pending = (int) statuses.stream().filter(ChangesetStatus::pending).count();
                return new ValidateResult(target.describe(), kept, tables, haveChangelogs, all.size() - kept.size(), pending,
                        Duration.ofNanos(System.nanoTime() - start));
            });
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
        }
    }

    private static List<ChangesetStatus> status(ChangelogRunner runner) {
        try {
            return runner.status();
        } catch (ChangelogException e) {
            throw new DriftlessException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    /**
     * Replays the changelogs on a scratch database (C); when changesets are pending, rolls those back to get what the
     * database should look like now (A). A difference the changelogs share is the model's; one the pending changesets
     * fix is not applied yet; the rest were made by hand.
     */
    private List<Finding> classify(List<Finding> findings, ScratchDatabases dev, List<ChangesetStatus> statuses, Schema desired,
                                   Findings mapper) {
        String name = "driftless_classify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        dev.create(name);
        try (Connection scratch = dev.connect(name)) {
            ChangelogRunner runner = new ChangelogRunner(scratch, config.changelogDirectory());
            runner.apply();
            Schema replayed = new CatalogIntrospector().read(scratch);
            Set<String> modelKeys = keys(mapper.of(diff(dev, replayed, desired)));
            int pending = (int) statuses.stream().filter(ChangesetStatus::pending).count();
            Set<String> pendingKeys = null;
            boolean pendingAreTheTail = statuses.stream().skip(statuses.size() - pending).allMatch(ChangesetStatus::pending);
            if (pending > 0 && pendingAreTheTail) {
                try {
                    runner.rollback(pending);
                    Schema applied = new CatalogIntrospector().read(scratch);
                    pendingKeys = keys(mapper.of(diff(dev, applied, replayed)));
                } catch (ChangelogException e) {
                    pendingKeys = null; // no rollback to tell with: any difference the changelogs fix counts as pending
                }
            }
            List<Finding> classified = new ArrayList<>();
            for (Finding f : findings) {
                Origin origin;
                if (modelKeys.contains(f.key())) {
                    origin = Origin.MODEL_CHANGED;
                } else if (pending > 0 && (pendingKeys == null || pendingKeys.contains(f.key()))) {
                    origin = Origin.NOT_APPLIED;
                } else {
                    origin = Origin.CHANGED_BY_HAND;
                }
                classified.add(f.withOrigin(origin));
            }
            return classified;
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "could not replay the changelogs: " + e.getMessage(), e);
        } catch (ChangelogException e) {
            progress.accept("the changelogs do not replay (" + e.getMessage() + "); differences left unclassified");
            return findings;
        } finally {
            dev.drop(name);
        }
    }

    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(Finding::key).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ check

    /** One reason {@code check} fails, besides model changes without a changelog. */
    public record Problem(String kind, String changeset, String message) {
    }

    /**
     * @param modelChanges differences between the replayed changelogs and the model (after the ignore rules)
     * @param problems     malformed or duplicate changesets, failed or inexact rollbacks, edited applied changesets
     * @param changesets   how many changesets the changelogs hold
     * @param cached       whether the replayed schema came from the cache (the changelogs did not change)
     */
    public record CheckResult(List<Finding> modelChanges, List<Problem> problems, int changesets, boolean cached, Duration took) {
        public boolean passes() {
            return modelChanges.isEmpty() && problems.isEmpty();
        }
    }

    CheckResult check() {
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        ChangelogVerifier verifier = new ChangelogVerifier(config.changelogDirectory());
        String hash = hashOf(config.changelogDirectory());
        return withCheckServer(server -> {
            String version;
            try (Connection c = server.connect("postgres")) {
                version = serverVersion(c);
            } catch (SQLException e) {
                throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
            }
            progress.accept("reading entities from " + config.classes());
            EntityModel model = readEntities(version);
            String cacheName = REPLAY_PREFIX + hash.substring(0, 20);
            boolean cached = server.exists(cacheName);
            List<ChangesetRef> changesets = List.of();
            Schema replayed;
            if (cached) {
                progress.accept("the changelogs did not change: re-using their verified replay");
                replayed = read(server.scratch(), cacheName);
                changesets = parse(server.scratch(), cacheName, verifier, problems);
            } else {
                String work = "driftless_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                server.scratch().create(work);
                boolean keep = false;
                try (Connection connection = server.scratch().connect(work)) {
                    changesets = verifier.exists() ? parse(connection, verifier, problems) : List.of();
                    replayed = problems.isEmpty() ? replayVerifyingRollbacks(server.scratch(), connection, changesets, problems)
                            : null;
                    keep = problems.isEmpty();
                } catch (SQLException e) {
                    throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
                } finally {
                    if (keep) {
                        server.keep(work, cacheName, CACHED_REPLAYS);
                    } else {
                        server.scratch().drop(work);
                    }
                }
            }
            if (config.url() != null && verifier.exists()) {
                editedChangesets(verifier, problems);
            }
            List<Finding> modelChanges = List.of();
            if (replayed != null) {
                progress.accept("comparing the changelogs with " + model.entityClasses().size() + " mapped classes");
                Schema desired = new DevDatabase(server.scratch()).materialize(model.ddl());
                modelChanges = config.ignore().apply(new Findings(model.mapping(), sources())
                        .of(diff(server.scratch(), replayed, desired)));
            }
            return new CheckResult(modelChanges, problems, changesets.size(), cached, Duration.ofNanos(System.nanoTime() - start));
        });
    }

    private List<ChangesetRef> parse(ScratchDatabases server, String database, ChangelogVerifier verifier, List<Problem> problems) {
        if (!verifier.exists()) {
            return List.of();
        }
        try (Connection connection = server.connect(database)) {
            return parse(connection, verifier, problems);
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
        }
    }

    private static List<ChangesetRef> parse(Connection connection, ChangelogVerifier verifier, List<Problem> problems) {
        List<ChangesetRef> changesets;
        try {
            changesets = verifier.changesets(connection);
        } catch (ChangelogException e) {
            problems.add(new Problem("malformed", null, "the changelogs do not parse: " + e.getMessage()));
            return List.of();
        }
        ChangelogVerifier.duplicates(changesets).forEach((id, refs) -> problems.add(new Problem("duplicate-id", id,
                "changeset id " + id + " is used " + refs.size() + " times: "
                        + refs.stream().map(ChangesetRef::file).collect(Collectors.joining(", ")))));
        return changesets;
    }

    /**
     * Applies the changesets one at a time, reading the schema after each; then rolls them back one at a time, newest
     * first, proving each rollback restores the schema before its changeset exactly; then applies them all again.
     */
    private Schema replayVerifyingRollbacks(ScratchDatabases server, Connection connection, List<ChangesetRef> changesets,
                                            List<Problem> problems) throws SQLException {
        ChangelogVerifier verifier = new ChangelogVerifier(config.changelogDirectory());
        ChangelogRunner runner = new ChangelogRunner(connection, config.changelogDirectory());
        List<Schema> after = new ArrayList<>();
        after.add(new CatalogIntrospector().read(connection));
        progress.accept("replaying " + changesets.size() + " changeset(s) from empty, one at a time");
        for (ChangesetRef changeset : changesets) {
            try {
                verifier.applyNext(connection, 1);
            } catch (ChangelogException e) {
                problems.add(new Problem("apply-failed", changeset.toString(), e.getMessage()));
                return null;
            }
            after.add(new CatalogIntrospector().read(connection));
        }
        progress.accept("rolling each changeset back and comparing the schema");
        for (int i = changesets.size(); i >= 1; i--) {
            ChangesetRef changeset = changesets.get(i - 1);
            try {
                runner.rollback(1);
            } catch (ChangelogException e) {
                problems.add(new Problem("rollback-failed", changeset.toString(), e.getMessage()));
                return null;
            }
            Schema restored = new CatalogIntrospector().read(connection);
            List<String> left = differences(server, restored, after.get(i - 1));
            if (!left.isEmpty()) {
                problems.add(new Problem("rollback-inexact", changeset.toString(), "rolling back " + changeset
                        + " does not restore the schema before it: " + String.join("; ", left)));
                return null;
            }
        }
        try {
            runner.apply();
        } catch (ChangelogException e) {
            problems.add(new Problem("reapply-failed", e.changeset().map(ChangesetRef::toString).orElse(null),
                    "applying again after rolling everything back failed: " + e.getMessage()));
            return null;
        }
        Schema replayed = new CatalogIntrospector().read(connection);
        List<String> left = differences(server, replayed, after.get(after.size() - 1));
        if (!left.isEmpty()) {
            problems.add(new Problem("reapply-inexact", null, "applying again after rolling everything back gives another schema: "
                    + String.join("; ", left)));
            return null;
        }
        return replayed;
    }

    /** What tells two schemas apart, both ways, names of constraints aside; empty when they are the same. */
    private static List<String> differences(ScratchDatabases server, Schema actual, Schema expected) {
        List<String> left = new ArrayList<>();
        if (!Set.copyOf(actual.namespaces()).equals(Set.copyOf(expected.namespaces()))) {
            left.add("schemas " + actual.namespaces() + " instead of " + expected.namespaces());
        }
        SchemaDiffer strict = new SchemaDiffer(new DiffOptions(true));
        List<String> changes = Stream.concat(strict.diff(actual, expected).changes().stream(),
                        strict.diff(expected, actual).changes().stream())
                .map(c -> c.describe()).toList();
        if (!changes.isEmpty()) {
            // Spelling of check constraints is not a fixed point in PostgreSQL: let it print both once more.
            CheckNormaliser.Normalised both = new CheckNormaliser(server).normalise(actual, expected);
            strict.diff(both.actual(), both.desired()).changes().forEach(c -> left.add(c.describe()));
            strict.diff(both.desired(), both.actual()).changes().forEach(c -> left.add("(reverse) " + c.describe()));
        }
        return left;
    }

    private void editedChangesets(ChangelogVerifier verifier, List<Problem> problems) {
        try (Target target = Target.open(config); Connection connection = target.connect()) {
            connection.setReadOnly(true);
            progress.accept("comparing checksums with " + target.describe());
            for (ChangesetRef edited : verifier.editedSinceApplied(connection)) {
                problems.add(new Problem("edited", edited.toString(), "changeset " + edited + " was edited after it was applied to "
                        + target.describe() + " (its checksum differs); revert the edit and add a new changeset instead"));
            }
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.USAGE, "database error: " + e.getMessage(), e);
        } catch (ChangelogException e) {
            problems.add(new Problem("malformed", null, e.getMessage()));
        }
    }

    /** A hash of every file under the changelog directory (names and contents), and of driftless's replay rules. */
    static String hashOf(Path directory) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("driftless-check-v1\n".getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(directory.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                        digest.update(Files.readAllBytes(file));
                        digest.update((byte) 0);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ shared

    private SchemaDiff diff(ScratchDatabases dev, Schema actual, Schema desired) {
        CheckNormaliser.Normalised both = new CheckNormaliser(dev).normalise(actual, desired);
        return new SchemaDiffer(new DiffOptions(false)).diff(both.actual(), both.desired());
    }

    private SourceIndex sources() {
        List<Path> roots = config.sources().stream().filter(Files::isDirectory).toList();
        if (roots.isEmpty()) {
            return SourceIndex.empty();
        }
        progress.accept("indexing entity sources in " + roots);
        return SourceIndex.of(roots);
    }

    private static Schema read(ScratchDatabases server, String database) {
        try (Connection connection = server.connect(database)) {
            return new CatalogIntrospector().read(connection);
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
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

    private static String serverVersion(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion();
    }

    /** Scratch databases for validate: the dev-url server, the target's own embedded server, or a throwaway one. */
    private <T> T withScratchServer(Target target, java.util.function.Function<ScratchDatabases, T> work) {
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

    /** The server check replays on: its own embedded one under .driftless/check (kept, so the cache survives), or dev-url. */
    private <T> T withCheckServer(java.util.function.Function<CheckServer, T> work) {
        if (config.devUrl() != null) {
            return work.apply(new CheckServer(ScratchDatabases.onServer(config.devUrl(), new java.util.Properties()), null));
        }
        try (EmbeddedServer server = EmbeddedServer.start(config.dataDirectory().resolve("check"), false)) {
            return work.apply(new CheckServer(ScratchDatabases.on(server), server));
        } catch (IOException e) {
            throw new DriftlessException(ExitCode.FAILURE, "could not start the embedded PostgreSQL for check: " + e.getMessage(), e);
        }
    }

    /** A server for check; with {@code embedded} it also keeps replayed databases as the cache. */
    private record CheckServer(ScratchDatabases scratch, EmbeddedServer embedded) {

        Connection connect(String database) throws SQLException {
            return embedded != null ? embedded.connect(database) : scratch.connect(database);
        }

        boolean exists(String database) {
            if (embedded == null) {
                return false;
            }
            return !replays().stream().filter(database::equals).toList().isEmpty();
        }

        /** Renames the verified replay to its cache name and drops all but the newest {@code keep} replays. */
        void keep(String work, String cacheName, int keep) {
            if (embedded == null) {
                scratch.drop(work);
                return;
            }
            try (Connection c = embedded.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE \"" + work + "\" RENAME TO \"" + cacheName + "\"");
                List<String> old = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + REPLAY_PREFIX
                        + "%' ORDER BY oid DESC OFFSET " + keep)) {
                    while (rs.next()) {
                        old.add(rs.getString(1));
                    }
                }
                old.forEach(scratch::drop);
            } catch (SQLException e) {
                scratch.drop(work); // no cache this time; the result stands
            }
        }

        private List<String> replays() {
            List<String> names = new ArrayList<>();
            try (Connection c = embedded.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + REPLAY_PREFIX + "%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            } catch (SQLException e) {
                return List.of();
            }
            return names;
        }
    }

    static Map<String, List<Finding>> byGroup(List<Finding> findings) {
        Map<String, List<Finding>> groups = new java.util.LinkedHashMap<>();
        findings.forEach(f -> groups.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f));
        return groups;
    }
}
