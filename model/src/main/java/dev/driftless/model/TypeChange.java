package dev.driftless.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a column type change does to the values it holds, from the two types as {@code format_type} prints them. One
 * place decides, so the differ's report, the risk and the rendered statement agree.
 *
 * <ul>
 *   <li>{@link Kind#WIDENS}: every value fits unchanged and PostgreSQL only relabels the column (no rewrite);</li>
 *   <li>{@link Kind#NARROWS}: same family, smaller: a value may not fit (too long, out of range) or may be rounded
 *       (scale, precision). The statement must fail rather than truncate or round: PostgreSQL's assignment cast fails
 *       on a value too long or out of range by itself, but rounds decimals and fractional seconds silently, so those
 *       changes ({@link #rounds()}) are written with a guard that fails instead;</li>
 *   <li>{@link Kind#CONVERTS}: another family through PostgreSQL's cast (text → integer, timestamp → timestamptz): the
 *       column is rewritten, a value the cast rejects makes the statement fail;</li>
 *   <li>{@link Kind#REINTERPRETS}: no cast keeps the meaning (text ↔ oid, text ↔ bytea, integer ↔ boolean): refused,
 *       a data migration the user writes.</li>
 * </ul>
 */
public record TypeChange(String from, String to, Kind kind) {

    public enum Kind { WIDENS, NARROWS, CONVERTS, REINTERPRETS }

    private static final Pattern MODIFIER = Pattern.compile("\\((\\d+)(?:,\\s*(\\d+))?\\)");
    private static final Set<String> STRINGS = Set.of("character varying", "text", "character");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final List<String> FLOATS = List.of("real", "double precision");
    /** Types whose values a cast from or to another family would not keep the meaning of. */
    private static final Set<String> OPAQUE = Set.of("oid", "bytea", "boolean");

    public static TypeChange of(String from, String to) {
        return new TypeChange(from, to, classify(from, to));
    }

    public static TypeChange of(Change.AlterColumnType change) {
        return of(change.fromType(), change.toType());
    }

    /** Types whose fractional-second digits a smaller precision rounds. */
    private static final Set<String> TIMES = Set.of("timestamp without time zone", "timestamp with time zone",
            "time without time zone", "time with time zone", "interval", "timestamp", "time");

    /**
     * Whether PostgreSQL's cast to the new type would round a stored value rather than fail on it: fewer decimals of a
     * numeric (or a numeric given a scale for the first time), fewer fractional-second digits of a timestamp, time or
     * interval, double precision to real. Arrays are not looked into.
     */
    public boolean rounds() {
        if (kind != Kind.NARROWS || from.endsWith("[]")) {
            return false;
        }
        String a = base(from);
        String b = base(to);
        if (a.equals("numeric") && b.equals("numeric")) {
            return length(to) >= 0 && (length(from) < 0 || scale(to) < scale(from));
        }
        if (TIMES.contains(a) && a.equals(b)) {
            return length(to) >= 0 && length(to) < (length(from) < 0 ? 6 : length(from));
        }
        return a.equals("double precision") && b.equals("real");
    }

    /** The decimals a numeric type keeps ({@code 2} of {@code numeric(10,2)}). */
    public int scaleTo() {
        return scale(to);
    }

    /**
     * Whether PostgreSQL converts between the two types by an assignment cast of their own family (lengths, precisions,
     * integer and float sizes), so that no {@code USING} is needed: without one, a value that does not fit fails the
     * statement where an explicit cast would cut or round it.
     */
    public static boolean sameFamily(String from, String to) {
        if (from.endsWith("[]") != to.endsWith("[]")) {
            return false;
        }
        String a = base(from);
        String b = base(to);
        return a.equals(b) || (STRINGS.contains(a) && STRINGS.contains(b)) || (INTEGERS.contains(a) && INTEGERS.contains(b))
                || (FLOATS.contains(a) && FLOATS.contains(b));
    }

    /** The type without its length, precision or scale: {@code character varying(40)} → {@code character varying}. */
    public static String base(String type) {
        return MODIFIER.matcher(type).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    /** The first modifier of the type ({@code 40} of {@code character varying(40)}), or -1 when it has none. */
    public static int length(String type) {
        Matcher m = MODIFIER.matcher(type);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The second modifier ({@code 4} of {@code numeric(19,4)}), 0 when only one is given, -1 when none. */
    public static int scale(String type) {
        Matcher m = MODIFIER.matcher(type);
        return !m.find() ? -1 : m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    }

    private static Kind classify(String from, String to) {
        if (from.equals(to)) {
            return Kind.WIDENS;
        }
        if (from.endsWith("[]") != to.endsWith("[]")) {
            return Kind.CONVERTS;
        }
        String a = base(from);
        String b = base(to);
        if (!a.equals(b) && (OPAQUE.contains(a) || OPAQUE.contains(b))) {
            return Kind.REINTERPRETS;
        }
        if (STRINGS.contains(a) && STRINGS.contains(b)) {
            return strings(from, to, a, b);
        }
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(b) >= INTEGERS.indexOf(a) ? Kind.CONVERTS : Kind.NARROWS;
        }
        if (FLOATS.contains(a) && FLOATS.contains(b)) {
            return FLOATS.indexOf(b) >= FLOATS.indexOf(a) ? Kind.CONVERTS : Kind.NARROWS;
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            return numeric(from, to);
        }
        if (a.equals(b)) {
            // timestamp(6) → timestamp(3), time, interval, bit: fewer digits round, more only relabel.
            int was = length(from);
            int now = length(to);
            return now < 0 || (was >= 0 && now >= was) ? Kind.WIDENS : Kind.NARROWS;
        }
        return Kind.CONVERTS;
    }

    /** text and varchar share their storage; character(n) pads, so leaving or entering it converts. */
    private static Kind strings(String from, String to, String a, String b) {
        if (a.equals("character") || b.equals("character")) {
            return a.equals(b) && length(to) >= length(from) ? Kind.CONVERTS
                    : length(to) < 0 || (length(from) >= 0 && length(to) >= length(from)) ? Kind.CONVERTS : Kind.NARROWS;
        }
        int was = length(from);
        int now = length(to);
        return now < 0 || (was >= 0 && now >= was) ? Kind.WIDENS : Kind.NARROWS;
    }

    /** More integer digits at the same scale relabels; a smaller precision or any change of scale may lose digits. */
    private static Kind numeric(String from, String to) {
        if (length(to) < 0) {
            return Kind.WIDENS;
        }
        if (length(from) < 0) {
            return Kind.NARROWS;
        }
        int fromInteger = length(from) - scale(from);
        int toInteger = length(to) - scale(to);
        if (toInteger < fromInteger || scale(to) < scale(from)) {
            return Kind.NARROWS;
        }
        return scale(to) == scale(from) ? Kind.WIDENS : Kind.CONVERTS;
    }
}
