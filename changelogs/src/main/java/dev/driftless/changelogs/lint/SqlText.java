package dev.driftless.changelogs.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough lexing of PostgreSQL for the rules: comments removed, string and dollar-quoted literals emptied (so a
 * keyword inside a literal never matches a rule), whitespace collapsed, and statements split at top-level semicolons.
 * Quoted identifiers are kept as written.
 */
final class SqlText {

    private SqlText() {
    }

    /** The statements of {@code sql}, each masked and upper-cased outside quoted identifiers; empty ones dropped. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && next(sql, i) == '-') {
                i = skipTo(sql, i, "\n");
                current.append(' ');
            } else if (c == '/' && next(sql, i) == '*') {
                i = skipTo(sql, i + 2, "*/");
                current.append(' ');
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
                current.append("''");
            } else if (c == '"') {
                int end = skipQuoted(sql, i, '"');
                current.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                i = skipTo(sql, i + tag.length(), tag);
                current.append("''");
            } else if (c == ';' && depth == 0) {
                add(statements, current);
                current.setLength(0);
                i++;
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                current.append(Character.isWhitespace(c) ? ' ' : Character.toUpperCase(c));
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder text) {
        String statement = text.toString().replaceAll("\\s+", " ").strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
    }

    private static char next(String sql, int i) {
        return i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
    }

    /** The index just after {@code end} (or the end of the text) searching from {@code from}. */
    private static int skipTo(String sql, int from, String end) {
        int found = sql.indexOf(end, from);
        return found < 0 ? sql.length() : found + end.length();
    }

    /** The index after the closing quote; a doubled quote inside is part of the literal. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (next(sql, i) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $tag$} starting at {@code i}, or null when the dollar sign starts no dollar quote ({@code $1}). */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    /** Splits {@code text} at commas outside parentheses (the actions of one ALTER TABLE). */
    static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** An identifier as a key: quotes removed, unquoted parts lower-cased, {@code public.} when unqualified. */
    static String tableKey(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            parts.add(part.startsWith("\"") ? part.substring(1, part.length() - 1) : part.toLowerCase(Locale.ROOT));
        }
        return parts.size() == 1 ? "public." + parts.get(0) : String.join(".", parts);
    }
}
