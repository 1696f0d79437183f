package dev.driftless.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type spellings PostgreSQL prints differently for the same type. A time type without a precision keeps PostgreSQL's
 * maximum, 6 fractional digits, so {@code timestamp without time zone} (what Liquibase and Flyway scripts usually
 * create) is {@code timestamp(6) without time zone} (what Hibernate creates); altering one into the other would only
 * take an ACCESS EXCLUSIVE lock for nothing.
 */
public final class TypeEquivalence {

    private static final Pattern TIME = Pattern.compile("^(timestamp|time)( with(?:out)? time zone)(\\[\\])?$");
    private static final Pattern INTERVAL = Pattern.compile("^interval(\\[\\])?$");

    private TypeEquivalence() {
    }

    public static boolean same(String a, String b) {
        return a.equals(b) || canonical(a).equals(canonical(b));
    }

    /** The spelling with every implied precision written out. */
    static String canonical(String type) {
        Matcher time = TIME.matcher(type);
        if (time.matches()) {
            return time.group(1) + "(6)" + time.group(2) + (time.group(3) == null ? "" : time.group(3));
        }
        Matcher interval = INTERVAL.matcher(type);
        if (interval.matches()) {
            return "interval(6)" + (interval.group(1) == null ? "" : interval.group(1));
        }
        return type;
    }
}
