package dev.driftless.maven;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' own chatter out of the build log, as the command line does with its no-op logging backend:
 * Liquibase and zonky log through SLF4J, which in a Maven build is Maven's own logger at INFO, and Hibernate through
 * java.util.logging. Their warnings still show; with {@code -X} everything does.
 */
final class QuietLibraries {

    private static final List<String> SLF4J_LOGGERS = List.of("liquibase", "io.zonky", "org.hibernate", "com.zaxxer");
    /** java.util.logging holds its loggers weakly: these references keep the levels set. */
    private static final List<Logger> JUL_LOGGERS = List.of(Logger.getLogger("org.hibernate"),
            Logger.getLogger("org.postgresql"), Logger.getLogger("liquibase"));

    private QuietLibraries() {
    }

    /**
     * Maven's SLF4J backend reads a logger's level from {@code org.slf4j.simpleLogger.log.NAME} when the logger is first
     * made, so this must run before the libraries log; a level the user set (-D) is kept.
     */
    static void quiet() {
        for (String name : SLF4J_LOGGERS) {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
        JUL_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
