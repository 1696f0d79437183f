package dev.driftless.generator.render;

/**
 * Characters that must never reach an unquoted place of a changelog as they are. Liquibase's formatted SQL parser
 * ends a line at {@code \r} as well as {@code \n}, so one of them inside a comment line turns the rest of that line
 * into SQL that {@code apply} runs; other control characters and Unicode line separators confuse editors, terminals
 * and reviewers in the same way.
 */
public final class UnsafeText {

    private UnsafeText() {
    }

    /** A control character (C0, DEL, C1 including NEL) or a Unicode line or paragraph separator. */
    public static boolean isUnsafe(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029;
    }

    public static boolean hasUnsafe(String text) {
        return text != null && text.codePoints().anyMatch(UnsafeText::isUnsafe);
    }

    /** The text with every unsafe character written as an escape ({@code \r}, {@code \n}, {@code \t}, {@code \u2028}). */
    public static String printable(String text) {
        if (!hasUnsafe(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(isUnsafe(c) ? escape(c) : Character.toString(c)));
        return out.toString();
    }

    /** Text fit for a one-line changelog comment: line breaks become spaces, other unsafe characters escapes. */
    public static String commentLine(String text) {
        return printable(text.replace("\r\n", " ").replace('\n', ' '));
    }

    /** The first unsafe character of {@code text}, escaped, for a message; empty when there is none. */
    public static String firstUnsafe(String text) {
        return text.codePoints().filter(UnsafeText::isUnsafe).mapToObj(UnsafeText::escape).findFirst().orElse("");
    }

    private static String escape(int c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            default -> String.format("\\u%04x", c);
        };
    }
}
