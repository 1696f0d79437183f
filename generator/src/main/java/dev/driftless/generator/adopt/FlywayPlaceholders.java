package dev.driftless.generator.adopt;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Flyway's placeholder replacement, done once at import: every {@code ${name}} (prefix and suffix as configured) in a
 * migration's text becomes its value before the text reaches the server, in comments and string literals too, as
 * Flyway's reader does. Names match without regard to case, as in Flyway. A name without a value stops the import,
 * where Flyway stops the migration ("No value provided for placeholder"). {@code ${flyway:filename}} is each file's
 * own name; the other values are given.
 */
public final class FlywayPlaceholders {

    private final boolean enabled;
    private final String prefix;
    private final String suffix;
    private final String filenameName;
    private final Map<String, Value> values;
    private final Function<String, String> fixFor;
    /** Each placeholder replaced so far, by name as first written, and its value: what the import says it did. */
    private final Map<String, Value> used = new LinkedHashMap<>();

    /** A placeholder's value and where it came from ("application.properties", "the target"). */
    public record Value(String value, String origin) {

        public Value {
            value = value == null ? "" : value;
        }
    }

    /**
     * @param prefix    Flyway's {@code placeholderPrefix}, {@code ${} by default
     * @param suffix    Flyway's {@code placeholderSuffix}, {@code }} by default
     * @param separator Flyway's {@code placeholderSeparator} between {@code flyway} and a built-in's name, {@code :}
     * @param values    every placeholder with a value, built-ins included (as {@code flyway<separator>user})
     * @param fixFor    for a placeholder name without a value, what the user can do about it
     */
    public FlywayPlaceholders(String prefix, String suffix, String separator, Map<String, Value> values,
                              Function<String, String> fixFor) {
        this(true, prefix, suffix, separator, values, fixFor);
    }

    private FlywayPlaceholders(boolean enabled, String prefix, String suffix, String separator, Map<String, Value> values,
                               Function<String, String> fixFor) {
        if (enabled && (prefix.isEmpty() || suffix.isEmpty())) {
            throw new IllegalArgumentException("Flyway's placeholder prefix and suffix cannot be empty");
        }
        this.enabled = enabled;
        this.prefix = prefix;
        this.suffix = suffix;
        this.filenameName = key("flyway" + separator + "filename");
        this.values = new LinkedHashMap<>();
        values.forEach((k, v) -> this.values.put(key(k), v));
        this.fixFor = fixFor;
    }

    /** {@code placeholderReplacement=false}: the text is sent as written. */
    public static FlywayPlaceholders off() {
        return new FlywayPlaceholders(false, "", "", "", Map.of(), name -> "");
    }

    public boolean enabled() {
        return enabled;
    }

    /** The placeholders replaced so far, each by its name as first written, with its value. */
    public Map<String, Value> used() {
        return java.util.Collections.unmodifiableMap(used);
    }

    /**
     * The migration as Flyway runs it: its SQL with the placeholders replaced; a repeatable's checksum then taken over
     * that SQL, the file's own kept as the equivalent Flyway also accepts (Flyway does so since 6.3, so that a changed
     * value runs it again); a versioned or baseline migration's checksum stays the file's.
     *
     * @param shownName how to name the file in a refusal, e.g. its path within the folder
     * @throws IllegalArgumentException naming the file, line and placeholder when one has no value
     */
    public FlywayFolder.Migration apply(FlywayFolder.Migration migration, String shownName) {
        if (!enabled) {
            return migration;
        }
        String sql = replace(migration.text(), migration.fileName(), shownName);
        return migration.kind() == FlywayFolder.Kind.REPEATABLE
                ? migration.running(sql, FlywayChecksum.of(sql), migration.checksum())
                : migration.running(sql, migration.checksum(), null);
    }

    /** {@code text} with every placeholder replaced, {@code ${flyway:filename}} by {@code fileName}. */
    public String replace(String text, String fileName, String shownName) {
        if (!enabled) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int start = text.indexOf(prefix); start >= 0; start = text.indexOf(prefix, from)) {
            int end = text.indexOf(suffix, start + prefix.length());
            if (end < 0) {
                throw new IllegalArgumentException(shownName + " line " + line(text, start) + ": '" + prefix
                        + "' opens a Flyway placeholder that is never closed with '" + suffix + "' (Flyway fails on it"
                        + " too: \"No value provided for placeholder\"); nothing was imported");
            }
            String name = text.substring(start + prefix.length(), end);
            Value value = key(name).equals(filenameName) ? new Value(fileName, "each file's name") : values.get(key(name));
            if (value == null) {
                throw new IllegalArgumentException(shownName + " line " + line(text, start) + ": no value for the Flyway"
                        + " placeholder " + prefix + name + suffix + " (Flyway fails on it too: \"No value provided for"
                        + " placeholder\"); " + fixFor.apply(name) + "; nothing was imported");
            }
            if (used.keySet().stream().noneMatch(n -> key(n).equals(key(name)))) {
                used.put(name, value);
            }
            out.append(text, from, start).append(value.value());
            from = end + suffix.length();
        }
        return out.append(text, from, text.length()).toString();
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n' || (text.charAt(i) == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
