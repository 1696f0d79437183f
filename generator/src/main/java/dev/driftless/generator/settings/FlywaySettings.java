package dev.driftless.generator.settings;

import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the application configures the Flyway that ran its migrations, as far as it changes the SQL Flyway sent: its
 * placeholders and their syntax, and the schema, user, URL and history table its built-in placeholders name. Keys are
 * Spring Boot's ({@code placeholder-prefix}, {@code default-schema}, ...; a placeholder {@code owner} is
 * {@code placeholders.owner}) whichever file they came from.
 *
 * @param settings each setting with its value and where it came from
 */
public record FlywaySettings(SortedMap<String, Value> settings) {

    public static final String PLACEHOLDERS = "placeholders.";
    public static final String REPLACEMENT = "placeholder-replacement";
    public static final String PREFIX = "placeholder-prefix";
    public static final String SUFFIX = "placeholder-suffix";
    public static final String SEPARATOR = "placeholder-separator";
    public static final String DEFAULT_SCHEMA = "default-schema";
    public static final String SCHEMAS = "schemas";
    public static final String USER = "user";
    public static final String URL = "url";
    public static final String TABLE = "table";

    /**
     * One setting.
     *
     * @param value   as written; it may hold a {@code ${...}} the application's framework resolves at run time
     * @param origin  the file (and profile), e.g. "application.properties"
     * @param key     the key as the file spells it, e.g. {@code spring.flyway.placeholders.owner}: what to tell the user
     */
    public record Value(String value, String origin, String key) {

        /** Whether the value holds a {@code ${...}} of the application's configuration, which is not known here. */
        public boolean unresolved() {
            return value.contains("${");
        }
    }

    public FlywaySettings {
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }

    public static FlywaySettings none() {
        return new FlywaySettings(new TreeMap<>());
    }

    public Optional<Value> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The placeholders by name as configured (Flyway matches them without regard to case). */
    public SortedMap<String, Value> placeholders() {
        SortedMap<String, Value> found = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(PLACEHOLDERS)) {
                found.put(k.substring(PLACEHOLDERS.length()), v);
            }
        });
        return found;
    }

    /** These settings, each one {@code higher} gives replacing ours (a placeholder whatever the case of its name). */
    public FlywaySettings overriddenBy(FlywaySettings higher) {
        SortedMap<String, Value> merged = new TreeMap<>(settings);
        higher.settings.forEach((k, v) -> {
            if (k.startsWith(PLACEHOLDERS)) {
                merged.keySet().removeIf(mine -> mine.toLowerCase(Locale.ROOT).equals(k.toLowerCase(Locale.ROOT)));
            }
            merged.put(k, v);
        });
        return new FlywaySettings(merged);
    }

    /** Collects settings in the order read, later ones winning. */
    static final class Builder {
        private final SortedMap<String, Value> settings = new TreeMap<>();

        Builder put(String key, String value, String origin, String fileKey) {
            if (value != null) {
                settings.put(key, new Value(value.strip(), origin, fileKey));
            }
            return this;
        }

        FlywaySettings build() {
            return new FlywaySettings(settings);
        }
    }
}
