package dev.driftless.changelogs;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/**
 * Sends Liquibase's log to SLF4J (logger name = the Liquibase class name) instead of java.util.logging.
 *
 * <p>Installed only inside the scope {@link QuietLiquibase} opens, so Liquibase's INFO chatter follows the
 * application's SLF4J backend (silent unless the CLI is verbose) and no JUL level or handler is changed.
 */
final class Slf4jLogService extends AbstractLogService {

    static final Slf4jLogService INSTANCE = new Slf4jLogService();

    private Slf4jLogService() {
    }

    @Override
    public int getPriority() {
        // Never picked by Liquibase's plugin lookup (it is not registered as a service); set explicitly in a scope.
        return PRIORITY_NOT_APPLICABLE;
    }

    @Override
    public Logger getLog(Class clazz) {
        String name = clazz == null ? "liquibase" : clazz.getName();
        return new Slf4jLogger(LoggerFactory.getLogger(name));
    }

    private static final class Slf4jLogger extends AbstractLogger {

        private final org.slf4j.Logger delegate;

        Slf4jLogger(org.slf4j.Logger delegate) {
            this.delegate = delegate;
        }

        @Override
        public void log(Level level, String message, Throwable e) {
            if (level == null || level == Level.OFF) {
                return;
            }
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                delegate.error(message, e);
            } else if (value >= Level.WARNING.intValue()) {
                delegate.warn(message, e);
            } else if (value >= Level.INFO.intValue()) {
                delegate.info(message, e);
            } else if (value >= Level.FINE.intValue()) {
                delegate.debug(message, e);
            } else {
                delegate.trace(message, e);
            }
        }
    }
}
