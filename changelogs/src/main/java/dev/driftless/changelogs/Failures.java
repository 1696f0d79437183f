package dev.driftless.changelogs;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liquibase.exception.ValidationFailedException;

/** Turns a Liquibase exception chain into one or two lines a person can act on. */
final class Failures {

    /** "liquibase.exception.CommandExecutionException: " and the like, which Liquibase repeats down its chains. */
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error): ");

    private static final int MAX_LISTED = 8;

    /** Liquibase appends the statement that failed to its exception's message: "[Failed SQL: (0) CREATE ...]". */
    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: \\(-?\\d+\\) (.*)\\]\\s*$", Pattern.DOTALL);

    private Failures() {
    }

    /** The SQL statement the database refused, as Liquibase quotes it; empty when the chain does not say. */
    static Optional<String> failedSql(Throwable failure) {
        for (Throwable t : chain(failure)) {
            String message = t.getMessage();
            if (message != null) {
                Matcher m = FAILED_SQL.matcher(message);
                if (m.find()) {
                    return Optional.of(m.group(1).strip());
                }
            }
        }
        return Optional.empty();
    }

    static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof ValidationFailedException validation) {
                return validation(validation);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql) {
                return sql(sql);
            }
        }
        // Liquibase wraps exceptions in others whose message is "some.Exception: <the cause's message>"; the first
        // message that is not such a repetition is the most specific one that still names the file.
        for (Throwable t : chain) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && !EXCEPTION_PREFIX.matcher(message.strip()).find()) {
                return firstLines(message.strip(), 2);
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                return firstLines(stripPrefixes(message.strip()), 2);
            }
        }
        return failure.getClass().getSimpleName();
    }

    /**
     * The server's own message: PostgreSQL's first line ("ERROR: relation ... does not exist") plus its Detail line,
     * when there is one; not Position, Where or the "[Failed SQL: ...]" Liquibase appends one level up.
     */
    private static String sql(SQLException sql) {
        String message = sql.getMessage();
        if (message == null || message.isBlank()) {
            return "SQL state " + sql.getSQLState();
        }
        List<String> lines = message.strip().lines().toList();
        StringBuilder out = new StringBuilder(lines.get(0).strip());
        lines.stream().skip(1).map(String::strip).filter(l -> l.startsWith("Detail:")).findFirst()
                .ifPresent(detail -> out.append(System.lineSeparator()).append("  ").append(detail));
        return out.toString();
    }

    private static String validation(ValidationFailedException validation) {
        // The message is a header line ("Validation Failed:") then indented items; keep the items.
        List<String> items = validation.getMessage().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> changed = validation.getInvalidMD5Sums();
        if (!changed.isEmpty() && items.size() == changed.size() + 1) {
            return "changesets were edited after they were applied: " + listed(changed);
        }
        return "validation failed: " + listed(items);
    }

    private static String listed(List<String> items) {
        String shown = items.stream().limit(MAX_LISTED).collect(Collectors.joining("; "));
        return items.size() > MAX_LISTED ? shown + "; and " + (items.size() - MAX_LISTED) + " more" : shown;
    }

    private static String stripPrefixes(String message) {
        String previous;
        String current = message;
        do {
            previous = current;
            current = EXCEPTION_PREFIX.matcher(current).replaceFirst("");
        } while (!current.equals(previous));
        return current;
    }

    private static String firstLines(String message, int count) {
        return Arrays.stream(message.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).limit(count)
                .collect(Collectors.joining(System.lineSeparator() + "  "));
    }

    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
