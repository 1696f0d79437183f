package dev.driftless.api;

import dev.driftless.changelogs.ChangelogException;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.ChangelogVerifier;
import dev.driftless.changelogs.LiquibaseExtensions;
import dev.driftless.changelogs.lint.LintReport;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.generator.cache.DesiredSchemas;
import dev.driftless.generator.cache.Fingerprint;
import dev.driftless.generator.catalog.CatalogChanges;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.generator.devdb.ScratchDatabases;
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
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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
        try (Target target = Target.open(config, progress); Connection connection = target.connect();
             DevServer dev = DevServer.forTarget(config, target, progress)) {
            connection.setReadOnly(true);
            DesiredSchemas.Desired model = Entities.read(config, serverVersion(connection), dev, progress);
            progress.accept("reading " + target.describe());
            Schema actual = new CatalogIntrospector().read(connection);
            ChangelogRunner runner = config.changelogRunner(connection);
            boolean haveChangelogs = Files.isRegularFile(runner.masterChangelog());
            List<ChangesetStatus> statuses = haveChangelogs ? status(runner, config) : List.of();
            Findings findings = new Findings(model.model().mapping(), sources());
            Schema desired = model.schema();
            List<Finding> all = findings.of(diff(dev, actual, desired));
            if (haveChangelogs && !all.isEmpty()) {
                progress.accept("replaying the changelogs to tell where each difference came from");
                all = classify(all, dev, statuses, desired, findings);
            }
            all = withoutIntended(all);
            // data, not structure: no replay can tell where it came from
            all = new ArrayList<>(all);
            all.addAll(SequencesBehind.of(connection, model.model().sequenceIds(),
                    config.hibernate().settings().get("hibernate.id.optimizer.pooled.preferred"), findings));
            List<Finding> kept = config.ignore().apply(all);
            List<QualifiedName> tables = desired.tables().stream().map(Table::name).toList();
            int pending = (int) statuses.stream().filter(ChangesetStatus::pending).count();
            return new ValidateResult(target.describe(), kept, tables, haveChangelogs, all.size() - kept.size(), pending,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
        }
    }

    private static List<ChangesetStatus> status(ChangelogRunner runner, Config config) {
        try {
            return runner.status(config.cache());
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
            ChangelogRunner runner = config.scratchRunner(scratch);
            runner.apply();
            Schema replayed = new CatalogIntrospector().read(scratch);
            List<Finding> stated = mapper.of(diff(dev, replayed, desired));
            Set<String> modelKeys = keys(stated);
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
            classified.addAll(notAsStated(stated, findings));
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

    /**
     * A property the model cannot state (a deferrable key) that the changelogs state as well is what the changelogs
     * intend: the database agrees with them, so it is no finding. Without changelogs, or made by hand, it is one.
     * Sorted as {@link Findings#of} sorts, with what only the replay showed in its place.
     */
    private static List<Finding> withoutIntended(List<Finding> findings) {
        return findings.stream().filter(f -> !(f.kind().beyondTheModel() && f.origin() == Origin.MODEL_CHANGED))
                .sorted(java.util.Comparator.comparing(Finding::group).thenComparing(Finding::kind).thenComparing(Finding::object))
                .toList();
    }

    /**
     * What the changelogs state beyond the model (a deferrable key) that the database does not have: the database agrees
     * with the model there, so no comparison with the model shows it; the replay does.
     */
    private static List<Finding> notAsStated(List<Finding> stated, List<Finding> live) {
        Set<String> liveObjects = live.stream().filter(f -> f.kind().beyondTheModel())
                .map(f -> f.kind() + " " + f.table() + " " + f.object()).collect(Collectors.toSet());
        return stated.stream().filter(f -> f.kind().beyondTheModel())
                .filter(f -> !liveObjects.contains(f.kind() + " " + f.table() + " " + f.object()))
                .map(Findings::notAsStated).toList();
    }

    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(Finding::key).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ check

    /** One reason {@code check} fails, besides model changes without a changelog. */
    public record Problem(String kind, String changeset, String message) implements Serializable {
    }

    /**
     * @param modelChanges differences between the replayed changelogs and the model (after the ignore rules)
     * @param problems     malformed or duplicate changesets, failed or inexact rollbacks, edited applied changesets
     * @param changesets   how many changesets the changelogs hold
     * @param cached       whether the replayed schema came from the cache (the changelogs did not change)
     */
    public record CheckResult(List<Finding> modelChanges, List<Problem> problems, int changesets, boolean cached, Duration took,
                              int adopted, int rollbacksVerified) {
        /** Without an adoption point: {@code rollbacksVerified} is every changeset when the replay was proven, else -1. */
        public CheckResult(List<Finding> modelChanges, List<Problem> problems, int changesets, boolean cached, Duration took) {
            this(modelChanges, problems, changesets, cached, took, 0, -1);
        }

        public boolean passes() {
            return modelChanges.isEmpty() && problems.isEmpty();
        }

        /**
         * Exactly what the replay proved, for the summary line: "12 changeset(s), every rollback verified", "replayed
         * 110, rollbacks verified for 3 after the adoption point", or that the rollbacks were not verified.
         *
         * @param adopted           changesets up to and including the adoption point (0 without one)
         * @param rollbacksVerified changesets whose rollback was proven exact; -1 when the replay did not get through
         */
        public String verified() {
            String cache = cached ? ", replay cached" : "";
            if (rollbacksVerified < 0) {
                return changesets + " changeset(s), rollbacks not verified" + cache;
            }
            if (adopted == 0) {
                // A cached replay was verified when it was made; the summary says only that it was re-used.
                return changesets + " changeset(s), " + (cached ? "replay cached" : "every rollback verified");
            }
            return "replayed " + changesets + ", rollbacks verified for " + rollbacksVerified + " after the adoption point"
                    + cache;
        }
    }

    /** A verified replay of the changelogs: what they build, how many changesets, what was proven, on which server. */
    private record Replay(Schema schema, int changesets, int adopted, int rollbacksVerified, String serverVersion)
            implements Serializable {
    }

    CheckResult check() {
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        // found once: reading them opens every jar of the class path
        LiquibaseExtensions extensions = config.liquibaseExtensions();
        ChangelogVerifier verifier = new ChangelogVerifier(config.changelogRoot(), config.masterChangelog(),
                config.runner().filter(), extensions);
        String replayKey = replayKey(extensions);
        Replay cached = config.cache().get("replay", replayKey, Replay.class).orElse(null);
        try (DevServer server = DevServer.forCheck(config, progress)) {
            String version = cached != null ? cached.serverVersion() : serverVersion(server);
            DesiredSchemas.Desired model = Entities.read(config, version, server, progress);
            Schema replayed;
            int changesets;
            int adopted = 0;
            int verified = -1;
            if (cached != null) {
                progress.accept("the changelogs did not change: re-using their verified replay");
                replayed = cached.schema();
                changesets = cached.changesets();
                adopted = cached.adopted();
                verified = cached.rollbacksVerified();
            } else {
                String work = "driftless_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                server.create(work);
                try {
                    ChangelogVerifier.Parsed parsed = parse(server, work, verifier, problems);
                    // What the summary counts is what the replay runs: the changesets these contexts and labels select.
                    changesets = parsed.selected().size();
                    int upToAdoption = Adoption.changesetsUpTo(parsed.all());
                    ChangesetRef adoptionPoint = upToAdoption > 0 ? parsed.all().get(upToAdoption - 1) : null;
                    adopted = (int) parsed.all().subList(0, upToAdoption).stream()
                            .filter(Set.copyOf(parsed.selected())::contains).count();
                    VerifiedReplay.Verified proven = problems.isEmpty()
                            ? replayVerifyingRollbacks(server, work, changesets, adoptionPoint, adopted, extensions, problems)
                            : null;
                    replayed = proven == null ? null : proven.schema();
                    verified = proven == null ? -1 : proven.rollbacksVerified();
                } catch (SQLException e) {
                    throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
                } finally {
                    server.drop(work);
                }
                if (problems.isEmpty()) {
                    config.cache().put("replay", replayKey, new Replay(replayed, changesets, adopted, verified, version));
                }
            }
            if (config.url() != null && verifier.exists()) {
                editedChangesets(verifier, problems);
            }
            if (problems.stream().noneMatch(p -> p.kind().equals("malformed"))) {
                problems.addAll(dataLoss(replayKey));
            }
            List<Finding> modelChanges = List.of();
            if (replayed != null) {
                progress.accept("comparing the changelogs with " + model.model().entityClasses().size() + " mapped classes");
                // what the model cannot state (a deferrable key) the changelogs state: no model change
                modelChanges = config.ignore().apply(new Findings(model.model().mapping(), sources())
                        .of(diff(server, replayed, model.schema())).stream()
                        .filter(f -> !f.kind().beyondTheModel()).toList());
            }
            return new CheckResult(modelChanges, problems, changesets, cached != null, Duration.ofNanos(System.nanoTime() - start),
                    adopted, verified);
        }
    }

    /**
     * The lint apply runs, over the whole changelog: a changeset after the adoption point that loses data (a dropped
     * column or table, a truncating cast, a risk:danger label) fails the check unless the changeset acknowledges it,
     * so that the review happens where the change is written, not at release time. The history before the adoption
     * point was applied long ago and is not judged again.
     */
    private List<Problem> dataLoss(String replayKey) {
        // the same files as the replay, read by the lint's own code: an unchanged changelog is not parsed again
        String key = Fingerprint.of(replayKey).codeOf(dev.driftless.changelogs.lint.ChangelogLinter.class)
                .codeOf(dev.driftless.changelogs.lint.StatementClassifier.class).codeOf(Lint.class).hex();
        return config.cache().get("data-loss", key, DataLoss.class).orElseGet(() -> {
            DataLoss found = new DataLoss(lintForDataLoss());
            config.cache().put("data-loss", key, found);
            return found;
        }).problems();
    }

    /** What {@link #dataLoss} found, as the cache keeps it. */
    private record DataLoss(List<Problem> problems) implements Serializable {
    }

    private List<Problem> lintForDataLoss() {
        LintReport report = new Lint(config).all();
        int adopted = Adoption.changesetsUpTo(report.changesets().stream().map(c -> c.changeset().changeset()).toList());
        List<Problem> problems = new ArrayList<>();
        for (var changeset : report.changesets().subList(adopted, report.changesets().size())) {
            String rules = Lint.blocking(changeset).stream().map(f -> f.finding().rule()).distinct()
                    .collect(Collectors.joining(", "));
            if (!rules.isEmpty()) {
                problems.add(new Problem("data-loss", changeset.changeset().changeset().id(), Lint.describe(changeset)
                        + " loses data (" + rules + ") without an acknowledgement: review it, then add -- driftless:allow "
                        + rules + " to the changeset (see docs/lint.md)"));
            }
        }
        return problems;
    }

    /**
     * What a verified replay depends on: every file under the changelog directory, the server it replays on, and the
     * driftless and Liquibase builds that replay and verify it.
     */
    private String replayKey(LiquibaseExtensions extensions) {
        return Fingerprint.of("driftless-check-replay-v2").codeOf(Gate.class).codeOf(ChangelogVerifier.class)
                .codeOf(VerifiedReplay.class).codeOf(RollbackLedger.class).codeOf(CatalogChanges.class)
                // the introspector's queries are constants compiled into it: a change to what is read shows here
                .codeOf(CatalogIntrospector.class)
                .text(liquibase.util.LiquibaseUtil.getBuildVersion()).text(config.devUrl())
                .text(String.valueOf(config.runner().filter()))
                .text(extensions.fingerprint())
                .contents(config.changelogDirectory()).hex();
    }

    private static String serverVersion(ScratchDatabases server) {
        try (Connection c = server.connect("postgres")) {
            return serverVersion(c);
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.FAILURE, "database error: " + e.getMessage(), e);
        }
    }

    private static ChangelogVerifier.Parsed parse(ScratchDatabases server, String database, ChangelogVerifier verifier,
                                                  List<Problem> problems) throws SQLException {
        if (!verifier.exists()) {
            return new ChangelogVerifier.Parsed(List.of(), List.of());
        }
        try (Connection connection = server.connect(database)) {
            return parse(connection, verifier, problems);
        }
    }

    private static ChangelogVerifier.Parsed parse(Connection connection, ChangelogVerifier verifier, List<Problem> problems) {
        ChangelogVerifier.Parsed parsed;
        try {
            parsed = verifier.parse(connection);
        } catch (ChangelogException e) {
            problems.add(new Problem("malformed", null, "the changelogs do not parse: " + e.getMessage()));
            return new ChangelogVerifier.Parsed(List.of(), List.of());
        }
        ChangelogVerifier.duplicates(parsed.all()).forEach((id, refs) -> problems.add(new Problem("duplicate-id", id,
                "changeset id " + id + " is used " + refs.size() + " times: "
                        + refs.stream().map(ChangesetRef::file).collect(Collectors.joining(", ")))));
        return parsed;
    }

    /**
     * Replays the changelogs on the empty {@code database}, proving every rollback after the adoption point (all of them
     * without one) exact; see {@link VerifiedReplay}.
     */
    private VerifiedReplay.Verified replayVerifyingRollbacks(ScratchDatabases server, String database, int changesets,
                                                             ChangesetRef adoptionPoint, int adopted,
                                                             LiquibaseExtensions extensions, List<Problem> problems)
            throws SQLException {
        progress.accept("replaying " + changesets + " changeset(s) from empty and proving each rollback"
                + (adoptionPoint != null ? " after the adoption point (changeset " + adopted + ")" : ""));
        return new VerifiedReplay(config.changelogRoot(), config.masterChangelog(), config.runner().filter(),
                extensions, server, progress)
                .replay(database, adoptionPoint, problems);
    }

    private void editedChangesets(ChangelogVerifier verifier, List<Problem> problems) {
        try (Target target = Target.open(config, progress); Connection connection = target.connect()) {
            connection.setReadOnly(true);
            progress.accept("comparing checksums with " + target.describe());
            for (ChangesetRef edited : verifier.withBookkeeping(config.runner().bookkeeping())
                    .editedSinceApplied(connection, config.cache())) {
                problems.add(new Problem("edited", edited.toString(), "changeset " + edited + " was edited after it was applied to "
                        + target.describe() + " (its checksum differs); revert the edit and add a new changeset instead"));
            }
        } catch (SQLException e) {
            throw new DriftlessException(ExitCode.USAGE, "database error: " + e.getMessage(), e);
        } catch (ChangelogException e) {
            problems.add(new Problem("malformed", null, e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ shared

    private SchemaDiff diff(ScratchDatabases dev, Schema actual, Schema desired) {
        CheckNormaliser.Normalised both = new CheckNormaliser(dev).normalise(actual, desired);
        return new SchemaDiffer(DiffOptions.reporting()).diff(both.actual(), both.desired());
    }

    private SourceIndex sources() {
        List<Path> roots = config.sources().stream().filter(Files::isDirectory).toList();
        if (roots.isEmpty()) {
            return SourceIndex.empty();
        }
        return SourceIndex.lazy(roots);
    }

    private static String serverVersion(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion();
    }

    static Map<String, List<Finding>> byGroup(List<Finding> findings) {
        Map<String, List<Finding>> groups = new java.util.LinkedHashMap<>();
        findings.forEach(f -> groups.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f));
        return groups;
    }
}
