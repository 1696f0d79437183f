package dev.driftless.changelogs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.executor.ExecutorService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Where a runner's work meets Liquibase: the caller's connection, the changelog directory and master file, and the
 * contexts and labels. {@link #withLiquibase} builds a fresh, quiet Liquibase view of the connection for one call
 * and leaves the connection as it found it.
 *
 * @param connection         an open connection the caller owns and closes
 * @param changelogDirectory absolute, normalised
 * @param masterFile         relative to {@code changelogDirectory}, with forward slashes
 */
record LiquibaseSession(Connection connection, Path changelogDirectory, String masterFile, ChangesetFilter filter,
                        LiquibaseExtensions extensions, Bookkeeping bookkeeping) {

    LiquibaseSession {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(bookkeeping, "bookkeeping");
        Objects.requireNonNull(connection, "connection");
        changelogDirectory = Objects.requireNonNull(changelogDirectory, "changelogDirectory").toAbsolutePath().normalize();
        masterFile = Objects.requireNonNull(masterFile, "masterFile").replace('\\', '/');
        if (masterFile.isBlank()) {
            throw new IllegalArgumentException("masterFile is blank");
        }
    }

    LiquibaseSession withFilter(ChangesetFilter other) {
        return new LiquibaseSession(connection, changelogDirectory, masterFile, other, extensions, bookkeeping);
    }

    LiquibaseSession withExtensions(LiquibaseExtensions other) {
        return new LiquibaseSession(connection, changelogDirectory, masterFile, filter, other, bookkeeping);
    }

    LiquibaseSession withBookkeeping(Bookkeeping other) {
        return new LiquibaseSession(connection, changelogDirectory, masterFile, filter, extensions, other);
    }

    Path masterChangelog() {
        return changelogDirectory.resolve(masterFile);
    }

    boolean hasMasterChangelog() {
        return Files.isRegularFile(masterChangelog());
    }

    @FunctionalInterface
    interface LiquibaseWork<T> {
        T run(Database database, DatabaseChangeLog changelog, ChangeLogParameters parameters, HoldingConnection holding)
                throws Exception;
    }

    /** As {@link #withLiquibase(String, boolean, LiquibaseWork)} with the master changelog parsed. */
    <T> T withLiquibase(String action, LiquibaseWork<T> work) {
        return withLiquibase(action, true, work);
    }

    /**
     * Runs {@code work} in a quiet Liquibase scope on a fresh Liquibase view of the caller's connection, with the
     * master changelog parsed (or, when {@code parseChangelog} is false, none).
     */
    <T> T withLiquibase(String action, boolean parseChangelog, LiquibaseWork<T> work) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            throw new ChangelogException("Cannot " + action + ": " + Failures.describe(e), e);
        }
        T result;
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(existingAncestor(changelogDirectory))) {
            result = QuietLiquibase.call(resources, extensions, () -> {
                HoldingConnection holding = new HoldingConnection(connection);
                Database database = extensions.databaseFor(holding);
                bookkeeping.applyTo(database);
                try {
                    ChangeLogParameters parameters = new ChangeLogParameters(database);
                    filter.applyTo(parameters);
                    DatabaseChangeLog changelog = parseChangelog ? parse(resources, parameters) : null;
                    return work.run(database, changelog, parameters, holding);
                } finally {
                    forget(database);
                }
            });
        } catch (ChangelogException e) {
            restoreAutoCommit(autoCommit, e);
            throw e;
        } catch (Exception e) {
            ChangelogException failure = new ChangelogException("Cannot " + action + ": " + Failures.describe(e), e);
            restoreAutoCommit(autoCommit, failure);
            throw failure;
        }
        restoreAutoCommit(autoCommit, null);
        return result;
    }

    /** The applied changesets, oldest first ({@code ORDER BY DATEEXECUTED, ORDEREXECUTED}); none without the table. */
    static List<RanChangeSet> ranChangesets(Database database) throws Exception {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                .getChangeLogService(database)
                .getRanChangeSets();
    }

    /** Work that needs no changelog (history, tag) runs before the project has a changelog directory, too. */
    private static Path existingAncestor(Path directory) {
        Path existing = directory;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? directory : existing;
    }

    private DatabaseChangeLog parse(ResourceAccessor resources, ChangeLogParameters parameters) throws Exception {
        return ChangeLogParserFactory.getInstance()
                .getParser(masterFile, resources)
                .parse(masterFile, parameters, resources);
    }

    /**
     * Drops what Liquibase cached for this {@link Database} (history, lock state, executor) so nothing holds on to the
     * caller's connection, without {@code Database.close()}, which would close it. Liquibase's own commands reset
     * these factories the same way when they finish.
     */
    private static void forget(Database database) {
        Scope.getCurrentScope().getSingleton(ExecutorService.class).clearExecutor("jdbc", database);
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        LockServiceFactory.getInstance().resetAll();
    }

    /**
     * Liquibase turns auto-commit off to commit per changeset. Turning it back on commits whatever is still open,
     * which after our calls is at most reads, as Liquibase's own {@code Database.close()} would.
     */
    private void restoreAutoCommit(boolean autoCommit, RuntimeException pending) {
        try {
            if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (pending != null) {
                pending.addSuppressed(e);
            } else {
                throw new ChangelogException("Cannot restore auto-commit on the connection: " + Failures.describe(e), e);
            }
        }
    }
}
