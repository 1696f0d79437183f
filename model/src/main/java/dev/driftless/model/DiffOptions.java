package dev.driftless.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Choices the user makes about a diff.
 *
 * @param dropUnmapped drop tables, sequences and enum types that exist in a managed schema but not in the model
 *                     (off by default: a database often holds tables the application does not own)
 * @param ignore       names of objects the model does not own, never reported nor dropped: {@code name} (any schema) or
 *                     {@code schema.name}, where {@code *} matches any run of characters and {@code ?} one
 *                     (e.g. {@code flyway_schema_history}, {@code legacy_*}, {@code audit.*}); case-sensitive, as
 *                     PostgreSQL stores names. A rule never hides an object the model maps. It also names indexes
 *                     and constraints (by their own name, in their table's schema) that must never be dropped.
 * @param dropUnmappedIndexes     drop indexes only the database has (also implied by {@code dropUnmapped})
 * @param dropUnmappedConstraints drop unique, check and foreign-key constraints only the database has (also implied
 *                                by {@code dropUnmapped})
 * @param ignoreColumns           {@code [schema.]table.column} globs (case-insensitive) of columns never dropped
 */
public record DiffOptions(boolean dropUnmapped, List<String> ignore, boolean dropUnmappedIndexes,
                          boolean dropUnmappedConstraints, List<String> ignoreColumns) {

    public DiffOptions {
        ignore = List.copyOf(ignore);
        ignore.forEach(rule -> Objects.requireNonNull(rule, "ignore rule"));
        ignoreColumns = List.copyOf(ignoreColumns);
    }

    public DiffOptions(boolean dropUnmapped, List<String> ignore) {
        this(dropUnmapped, ignore, false, false, List.of());
    }

    public boolean dropsIndexes() {
        return dropUnmapped || dropUnmappedIndexes;
    }

    public boolean dropsConstraints() {
        return dropUnmapped || dropUnmappedConstraints;
    }

    /** Whether a column rule covers {@code table.column}: {@code schema.table.column}, or {@code table.column} for one dot. */
    public boolean ignoresColumn(QualifiedName table, String column) {
        for (String rule : ignoreColumns) {
            long dots = rule.chars().filter(ch -> ch == '.').count();
            String text = dots == 1 ? table.name() + "." + column : table.schema() + "." + table.name() + "." + column;
            if (Pattern.compile(glob(rule).pattern(), Pattern.CASE_INSENSITIVE).matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    public DiffOptions(boolean dropUnmapped) {
        this(dropUnmapped, List.of());
    }

    /**
     * For comparing rather than migrating (validate, check): every index and constraint only the database has is a
     * difference to report, so none is kept out of the result; unmapped tables stay unmapped (reported, not dropped).
     */
    public static DiffOptions reporting() {
        return new DiffOptions(false, List.of(), true, true, List.of());
    }

    public static DiffOptions defaults() {
        return new DiffOptions(false);
    }

    /** Whether an ignore rule covers {@code name}. */
    public boolean ignores(QualifiedName name) {
        for (String rule : ignore) {
            String text = rule.contains(".") ? name.schema() + "." + name.name() : name.name();
            if (glob(rule).matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String rule) {
        StringBuilder regex = new StringBuilder();
        for (char c : rule.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
