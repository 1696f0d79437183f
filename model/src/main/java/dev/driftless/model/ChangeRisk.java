package dev.driftless.model;

import java.util.Locale;
import java.util.Objects;

/**
 * How risky one change is to run on a live database, as data beside the change.
 *
 * @param level    safe, caution (blocks reads or writes for a scan or rewrite, or can fail on existing data) or danger
 *                 (loses data, or cannot be reversed with its data)
 * @param lock     the strongest PostgreSQL table lock the generated statements take, e.g. {@code ACCESS EXCLUSIVE}, or
 *                 {@code none}
 * @param rewrites whether the table is rewritten (every row copied)
 * @param scans    whether every row is read while the lock is held (a validation, an index build)
 * @param reason   one line for people on why it has this level
 */
public record ChangeRisk(Level level, String lock, boolean rewrites, boolean scans, String reason) {

    public enum Level {
        SAFE, CAUTION, DANGER;

        /** {@code safe}, {@code caution}, {@code danger}: the word in output and labels. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The Liquibase label prefix; the runner and lint read exactly {@code risk:safe|risk:caution|risk:danger}. */
    public static final String LABEL_PREFIX = "risk:";

    public ChangeRisk {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(reason, "reason");
    }

    public String label() {
        return LABEL_PREFIX + level.id();
    }

    /** {@code caution: ACCESS EXCLUSIVE lock, rewrites the table (every value is converted)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(level.id()).append(": ")
                .append(lock.equals("none") ? "no lock" : lock + " lock");
        if (rewrites) {
            text.append(", rewrites the table");
        } else if (scans) {
            text.append(", scans the table");
        }
        return text.append(" (").append(reason).append(')').toString();
    }
}
