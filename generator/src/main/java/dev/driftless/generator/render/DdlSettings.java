package dev.driftless.generator.render;

import java.time.Duration;
import java.util.Objects;

/**
 * How generated DDL treats tables that already exist (PostgreSQL 12+).
 *
 * @param online             write the online forms on existing tables (concurrent index builds, constraints added
 *                           {@code NOT VALID} and validated in a second changeset, NOT NULL proven by a check first,
 *                           keys attached {@code USING INDEX}) and set timeouts in every changeset that touches one;
 *                           off ({@code --simple-ddl}) for throwaway databases, where plain DDL is shorter to read
 * @param lockTimeout        how long a changeset waits for a table lock before it gives up, so that a migration queued
 *                           behind a long query does not block every query queued behind it
 * @param statementTimeout   how long one statement of a transactional changeset may run
 * @param concurrentTimeout  lock and statement timeout of a concurrent index build, which waits for every older
 *                           transaction and reads the whole table without blocking anyone
 */
public record DdlSettings(boolean online, Duration lockTimeout, Duration statementTimeout, Duration concurrentTimeout) {

    public static final DdlSettings DEFAULT = new DdlSettings(true, Duration.ofSeconds(5), Duration.ofMinutes(30),
            Duration.ofHours(6));

    public DdlSettings {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(concurrentTimeout, "concurrentTimeout");
    }

    /** The same timeouts, plain DDL. */
    public DdlSettings simple() {
        return new DdlSettings(false, lockTimeout, statementTimeout, concurrentTimeout);
    }

    /** A duration as a PostgreSQL setting literal, in the largest unit that keeps it exact: {@code '5s'}, {@code '30min'}. */
    static String setting(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0";
        }
        if (millis % 3_600_000 == 0) {
            return "'" + millis / 3_600_000 + "h'";
        }
        if (millis % 60_000 == 0) {
            return "'" + millis / 60_000 + "min'";
        }
        if (millis % 1000 == 0) {
            return "'" + millis / 1000 + "s'";
        }
        return "'" + millis + "ms'";
    }
}
