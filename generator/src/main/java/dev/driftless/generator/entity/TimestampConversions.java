package dev.driftless.generator.entity;

import dev.driftless.model.Change;
import dev.driftless.model.TypeChange;
import java.util.List;
import java.util.Set;

/**
 * Gives a change between {@code timestamp} and {@code timestamptz} the zone its local times are in. PostgreSQL's own
 * cast reads a {@code timestamp} in the applying session's {@code TimeZone}, which the JDBC driver takes from the JVM
 * that applies: the same changelog would store other instants on a laptop in Paris than on a CI runner in UTC. An
 * {@code Instant} that Hibernate wrote into a {@code timestamp} column is a local time in the application's
 * {@code hibernate.jdbc.time_zone}, or else in its JVM's zone; the zone is written into the changeset, where a
 * reviewer sees it.
 */
public final class TimestampConversions {

    private static final Set<String> TIMESTAMPS = Set.of("timestamp without time zone", "timestamp with time zone");

    private TimestampConversions() {
    }

    public static List<Change> apply(List<Change> changes, String zone) {
        return changes.stream().map(change -> change instanceof Change.AlterColumnType alter && betweenZones(alter)
                ? (Change) alter.withTimeZone(zone) : change).toList();
    }

    private static boolean betweenZones(Change.AlterColumnType change) {
        String from = TypeChange.base(change.fromType());
        String to = TypeChange.base(change.toType());
        return change.conversion().isEmpty() && change.timeZone() == null && !from.equals(to)
                && TIMESTAMPS.contains(from) && TIMESTAMPS.contains(to);
    }
}
