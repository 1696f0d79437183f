package dev.driftless.changelogs;

import dev.driftless.generator.cache.DerivedCache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;

/**
 * What {@code driftless check} needs from the changelogs beyond the runner: parse them (malformed files, duplicate
 * ids), and compare the checksums recorded in a target's {@code DATABASECHANGELOG} with the files (read-only).
 */
public final class ChangelogVerifier {

    private final Path changelogDirectory;
    private final String masterFile;
    private final ChangesetFilter filter;
    private final LiquibaseExtensions extensions;
    private final Bookkeeping bookkeeping;

    public ChangelogVerifier(Path changelogDirectory) {
        this(changelogDirectory, ChangelogRunner.DEFAULT_MASTER_FILE);
    }

    public ChangelogVerifier(Path changelogDirectory, String masterFile) {
        this(changelogDirectory, masterFile, ChangesetFilter.ALL);
    }

    /** Parses with these contexts and labels, whose properties give changesets their text (see {@link ChangesetFilter}). */
    public ChangelogVerifier(Path changelogDirectory, String masterFile, ChangesetFilter filter) {
        this(changelogDirectory, masterFile, filter, LiquibaseExtensions.NONE);
    }

    /** As {@link #ChangelogVerifier(Path, String, ChangesetFilter)}, reading as the project's Liquibase with its extensions. */
    public ChangelogVerifier(Path changelogDirectory, String masterFile, ChangesetFilter filter,
                             LiquibaseExtensions extensions) {
        this(changelogDirectory, masterFile, filter, extensions, Bookkeeping.CURRENT);
    }

    private ChangelogVerifier(Path changelogDirectory, String masterFile, ChangesetFilter filter,
                              LiquibaseExtensions extensions, Bookkeeping bookkeeping) {
        this.bookkeeping = Objects.requireNonNull(bookkeeping, "bookkeeping");
        this.extensions = Objects.requireNonNull(extensions, "extensions");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.changelogDirectory = Objects.requireNonNull(changelogDirectory, "changelogDirectory").toAbsolutePath().normalize();
        this.masterFile = Objects.requireNonNull(masterFile, "masterFile");
    }

    /** This verifier reading the target's history from {@code schema} ({@link ChangelogRunner#withLiquibaseSchema}). */
    public ChangelogVerifier withLiquibaseSchema(String schema) {
        return withBookkeeping(Bookkeeping.of(schema));
    }

    /** This verifier reading the target's history where, and under the names, {@code bookkeeping} says. */
    public ChangelogVerifier withBookkeeping(Bookkeeping bookkeeping) {
        return new ChangelogVerifier(changelogDirectory, masterFile, filter, extensions, bookkeeping);
    }

    public boolean exists() {
        return Files.isRegularFile(changelogDirectory.resolve(masterFile));
    }

    /**
     * Every changeset in changelog order. Parsing needs a database only for changelog parameters; nothing is written.
     *
     * @throws ChangelogException when a file is malformed
     */
    public List<ChangesetRef> changesets(Connection connection) {
        return parse(connection).all();
    }

    /**
     * The changesets of the changelog: {@code all} in changelog order (ids must be unique among all of them), and the
     * {@code selected} ones, those the contexts and labels give to this project's apply (what a replay runs).
     */
    public record Parsed(List<ChangesetRef> all, List<ChangesetRef> selected) {
    }

    /** One parse of the changelogs: every changeset, and those the contexts and labels select. */
    public Parsed parse(Connection connection) {
        return with(connection, "parse the changelogs", (database, changelog, parameters) -> {
            List<ChangesetRef> all = new ArrayList<>();
            List<ChangesetRef> selected = new ArrayList<>();
            ContextChangeSetFilter contexts = new ContextChangeSetFilter(filter.liquibaseContexts());
            LabelChangeSetFilter labels = new LabelChangeSetFilter(filter.liquibaseLabels());
            for (ChangeSet changeSet : changelog.getChangeSets()) {
                all.add(ref(changeSet));
                if (contexts.accepts(changeSet).isAccepted() && labels.accepts(changeSet).isAccepted()) {
                    selected.add(ref(changeSet));
                }
            }
            return new Parsed(List.copyOf(all), List.copyOf(selected));
        });
    }

    /** Every changeset in changelog order with the checksum Liquibase would record for it now (one parse). */
    public ChangelogIndex index(Connection connection) {
        return with(connection, "parse the changelogs", (database, changelog, parameters) -> {
            List<ChangelogIndex.Entry> entries = new ArrayList<>();
            ContextChangeSetFilter contexts = new ContextChangeSetFilter(filter.liquibaseContexts());
            LabelChangeSetFilter labels = new LabelChangeSetFilter(filter.liquibaseLabels());
            for (ChangeSet changeSet : changelog.getChangeSets()) {
                if (!contexts.accepts(changeSet).isAccepted() || !labels.accepts(changeSet).isAccepted()) {
                    continue; // another context's: never applied under these, so never pending either
                }
                entries.add(new ChangelogIndex.Entry(ref(changeSet), changeSet.getStoredFilePath(),
                        changeSet.generateCheckSum(ChecksumVersion.latest()).toString(),
                        PlannedChangeset.isDestructive(changeSet.getComments())));
            }
            return new ChangelogIndex(entries);
        });
    }

    /** Changesets sharing an id and author with another, anywhere in the changelogs: {@code id::author} → them. */
    public static Map<String, List<ChangesetRef>> duplicates(List<ChangesetRef> changesets) {
        Map<String, List<ChangesetRef>> byId = new LinkedHashMap<>();
        changesets.forEach(c -> byId.computeIfAbsent(c.id() + "::" + c.author(), k -> new ArrayList<>()).add(c));
        byId.values().removeIf(list -> list.size() < 2);
        return byId;
    }

    /**
     * The applied changesets of {@code target} whose file has been edited since (the checksum Liquibase recorded no
     * longer matches). Reads only: without a {@code DATABASECHANGELOG} table there is nothing applied to compare.
     */
    public List<ChangesetRef> editedSinceApplied(Connection target, DerivedCache cache) {
        try {
            if (ChangelogIndex.of(changelogDirectory, masterFile, filter, extensions, target, cache).noneEdited(ChangelogIndex.applied(target, bookkeeping))) {
                return List.of();
            }
        } catch (SQLException | ChangelogException e) {
            // Liquibase's own comparison follows, with its own error if there is one
        }
        return editedSinceApplied(target);
    }

    /** As {@link #editedSinceApplied(Connection, DerivedCache)}, always through Liquibase. */
    public List<ChangesetRef> editedSinceApplied(Connection target) {
        return with(target, "compare checksums", (database, changelog, parameters) -> {
            List<RanChangeSet> ran = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(database).getRanChangeSets();
            List<ChangesetRef> edited = new ArrayList<>();
            for (RanChangeSet applied : ran) {
                ChangeSet changeSet = changelog.getChangeSet(applied);
                if (changeSet != null && applied.getLastCheckSum() != null && !changeSet.isCheckSumValid(applied.getLastCheckSum())) {
                    edited.add(ref(changeSet));
                }
            }
            return edited;
        });
    }

    /** {@code work} on a fresh, quiet Liquibase view of the caller's connection, with the master changelog parsed. */
    private <T> T with(Connection connection, String action, Work<T> work) {
        return new LiquibaseSession(connection, changelogDirectory, masterFile, filter, extensions, bookkeeping)
                .withLiquibase(action, (database, changelog, parameters, holding) -> work.run(database, changelog,
                        parameters));
    }

    private static ChangesetRef ref(ChangeSet changeSet) {
        return new ChangesetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Database database, DatabaseChangeLog changelog, ChangeLogParameters parameters) throws Exception;
    }
}
