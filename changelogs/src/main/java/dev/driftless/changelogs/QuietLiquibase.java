package dev.driftless.changelogs;

import java.util.HashMap;
import java.util.Map;
import liquibase.Scope;
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
 * </ul>
 */
final class QuietLiquibase {

    /** {@code liquibase.analytics.configuration.AnalyticsArgs.ENABLED}; a literal so no Liquibase class loads early. */
    static final String ANALYTICS_ENABLED = "liquibase.analytics.enabled";

    private QuietLiquibase() {
    }

    static <T> T call(ResourceAccessor resourceAccessor, Scope.ScopedRunnerWithReturn<T> body) throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.logService.name(), Slf4jLogService.INSTANCE);
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        values.put(ANALYTICS_ENABLED, Boolean.FALSE);
        values.put(Scope.Attr.resourceAccessor.name(), resourceAccessor);
        return Scope.child(values, body);
    }
}
