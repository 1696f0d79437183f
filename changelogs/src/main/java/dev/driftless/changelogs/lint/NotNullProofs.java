package dev.driftless.changelogs.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code CHECK (col IS NOT NULL)} constraints a lint run has seen added and validated. Once one is valid, PostgreSQL
 * (12+) proves {@code SET NOT NULL} on that column from it instead of scanning the table: the online form of NOT NULL
 * that {@code driftless diff} writes. Actions are read masked and upper-cased, as the classifier sees them.
 */
final class NotNullProofs {

    private static final Pattern ADD = Pattern.compile(
            "^ADD CONSTRAINT (\\S+) CHECK \\(\\s*\\(?(\\S+?)\\)? IS NOT NULL\\s*\\)( NOT VALID)?$");
    private static final Pattern VALIDATE = Pattern.compile("^VALIDATE CONSTRAINT (\\S+)$");
    private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER (?:COLUMN )?(\\S+) SET NOT NULL$");
    private static final Pattern DROP = Pattern.compile("^DROP CONSTRAINT (?:IF EXISTS )?(\\S+)$");

    private final Map<String, String> checks = new HashMap<>();
    private final Set<String> proven = new HashSet<>();
    private final Set<String> notNull = new HashSet<>();

    /** Takes note of one ALTER TABLE action on {@code table}. */
    void see(String table, String action) {
        Matcher add = ADD.matcher(action);
        if (add.matches()) {
            checks.put(table + "|" + add.group(1), add.group(2));
            if (add.group(3) == null) {
                proven.add(table + "|" + add.group(2));
            }
            return;
        }
        Matcher validate = VALIDATE.matcher(action);
        if (validate.matches() && checks.containsKey(table + "|" + validate.group(1))) {
            proven.add(table + "|" + checks.get(table + "|" + validate.group(1)));
        }
        Matcher set = SET_NOT_NULL.matcher(action);
        if (set.matches()) {
            notNull.add(table + "|" + set.group(1));
        }
    }

    /** Whether {@code action} drops a {@code CHECK (col IS NOT NULL)} whose column is NOT NULL itself by now. */
    boolean redundantCheckDropped(String table, String action) {
        Matcher drop = DROP.matcher(action);
        return drop.matches() && notNull.contains(table + "|" + checks.get(table + "|" + drop.group(1)));
    }

    /** Whether {@code action} is a SET NOT NULL that a valid check on the same column already proves. */
    boolean proves(String table, String action) {
        Matcher set = SET_NOT_NULL.matcher(action);
        return set.matches() && proven.contains(table + "|" + set.group(1));
    }
}
