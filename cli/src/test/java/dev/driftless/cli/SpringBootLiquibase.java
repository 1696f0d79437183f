package dev.driftless.cli;

import dev.driftless.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/** What Spring Boot's Liquibase does at start-up: the master found by its path on the class path. */
final class SpringBootLiquibase {

    private SpringBootLiquibase() {
    }

    /**
     * Runs {@code master} (a path below {@code classPathRoot}) against {@code database}, as the application would.
     *
     * @param contexts        the application's {@code spring.liquibase.contexts}, or null
     * @param liquibaseSchema the application's {@code spring.liquibase.liquibase-schema}, or null
     */
    static void update(TestDatabase database, Path classPathRoot, String master, String contexts, String liquibaseSchema)
            throws Exception {
        update(database, classPathRoot, master, contexts, liquibaseSchema, null, null);
    }

    /** The same, with the history tables renamed ({@code spring.liquibase.database-change-log-table} and its lock). */
    static void update(TestDatabase database, Path classPathRoot, String master, String contexts, String liquibaseSchema,
                       String changelogTable, String lockTable) throws Exception {
        update(database, classPathRoot, master, contexts, liquibaseSchema, changelogTable, lockTable, Map.of());
    }

    /** The same, with the application's {@code spring.liquibase.parameters.*}. */
    static void update(TestDatabase database, Path classPathRoot, String master, String contexts, String liquibaseSchema,
                       String changelogTable, String lockTable, Map<String, String> parameters) throws Exception {
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(classPathRoot)) {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources, "liquibase.analytics.enabled", false), () -> {
                Database db = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(database.connect()));
                if (liquibaseSchema != null) {
                    db.setLiquibaseSchemaName(liquibaseSchema);
                }
                if (changelogTable != null) {
                    db.setDatabaseChangeLogTableName(changelogTable);
                    db.setDatabaseChangeLogLockTableName(lockTable);
                }
                ChangeLogParameters changeLogParameters = new ChangeLogParameters(db);
                parameters.forEach(changeLogParameters::set);
                try {
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, changeLogParameters)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, master)
                            .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                            .execute();
                } finally {
                    db.close();
                }
            });
        }
    }
}
