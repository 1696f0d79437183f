package dev.driftless.changelogs;

import java.util.HashMap;
import java.util.Map;
import liquibase.Scope;
import liquibase.database.DatabaseFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The one place that decides how Liquibase behaves inside driftless: every Liquibase call runs in a
 * {@link Scope#child child scope} opened here, and nothing global (system properties, JUL levels) is changed.
 *
 * <ul>
 *   <li>UI messages ("Running Changeset", "UPDATE SUMMARY", "Rolled back ...") go to the log, not to stdout.</li>
 *   <li>The log goes to SLF4J ({@link Slf4jLogService}) rather than java.util.logging's console handler.</li>
 *   <li>Analytics are off, so Liquibase never tries to fetch its remote analytics config or send events
 *       (there is no network where driftless runs, and it must not phone home anyway). Scope values are read
 *       by Liquibase's {@code ScopeValueProvider}, which outranks system properties and the environment.</li>
 *   <li>Changelog paths resolve against the given resource accessor.</li>
 *   <li>The project's own Liquibase extensions, when it has any, are found through the scope's class loader
 *       ({@link LiquibaseExtensions}).</li>
 * </ul>
 */
final class QuietLiquibase {

    /** {@code liquibase.analytics.configuration.AnalyticsArgs.ENABLED}; a literal so no Liquibase class loads early. */
    static final String ANALYTICS_ENABLED = "liquibase.analytics.enabled";

    private QuietLiquibase() {
    }

    static <T> T call(ResourceAccessor resourceAccessor, Scope.ScopedRunnerWithReturn<T> body) throws Exception {
        return call(resourceAccessor, LiquibaseExtensions.NONE, body);
    }

    static <T> T call(ResourceAccessor resourceAccessor, LiquibaseExtensions extensions,
                      Scope.ScopedRunnerWithReturn<T> body) throws Exception {
        if (extensions.present()) {
            // Liquibase's process-wide DatabaseFactory reads the service files once, in the scope of its first use: made
            // here, outside the project's scope, it never registers one project's Database for every later one.
            DatabaseFactory.getInstance();
        }
        Map<String, Object> values = new HashMap<>();
        extensions.addTo(values);
        values.put(Scope.Attr.logService.name(), Slf4jLogService.INSTANCE);
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        values.put(ANALYTICS_ENABLED, Boolean.FALSE);
        values.put(Scope.Attr.resourceAccessor.name(), resourceAccessor);
        return Scope.child(values, body);
    }
}
