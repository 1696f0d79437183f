package dev.driftless.junit;

import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessConfiguration;
import dev.driftless.api.Gate;
import dev.driftless.api.Reports;
import javax.sql.DataSource;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 assertions over a project's schema, for the project's own test suite: against its Testcontainers database,
 * an embedded one, or any PostgreSQL a {@link DataSource} reaches.
 *
 * <pre>{@code
 * @Test
 * void theSchemaMatchesTheEntities() {
 *     DriftlessAssertions.assertSchemaMatchesModel(dataSource, "com.acme.domain");
 * }
 * }</pre>
 */
public final class DriftlessAssertions {

    private DriftlessAssertions() {
    }

    /**
     * Fails when the database {@code dataSource} reaches differs from the entities in {@code entityPackages} (found on
     * the test's class path): the failure's message is the report {@code driftless validate} prints, every difference
     * with the entity's file and line (from {@code src/main/java} and {@code src/test/java} of the working directory).
     * Read-only on the database. Everything else has {@link Driftless#configure()}'s defaults; for other settings
     * use {@link #assertSchemaMatchesModel(Driftless)}.
     *
     * @throws AssertionFailedError when they differ
     */
    public static void assertSchemaMatchesModel(DataSource dataSource, String... entityPackages) {
        assertSchemaMatchesModel(Driftless.configure().dataSource(dataSource).entityPackages(entityPackages));
    }

    /** As {@link #assertSchemaMatchesModel(Driftless)} for a configuration not yet loaded. */
    public static void assertSchemaMatchesModel(DriftlessConfiguration configuration) {
        assertSchemaMatchesModel(configuration.load());
    }

    /**
     * Fails when the configured target differs from the configured entities, with the report
     * {@code driftless validate} prints as the message.
     *
     * @throws AssertionFailedError when they differ
     */
    public static void assertSchemaMatchesModel(Driftless driftless) {
        Gate.ValidateResult result = driftless.validateWithResult();
        if (!result.agrees()) {
            throw new AssertionFailedError(Reports.text(result));
        }
    }
}
