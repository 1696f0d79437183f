package dev.driftless.generator.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Objects the model does not own, from {@code ignore:} in driftless.yaml:
 * <pre>
 * ignore:
 *   tables: [public.flyway_schema_history, "audit.*"]   # schema.table, or a bare table name in any schema
 *   columns: ["*.legacy_*", market_data.orders.note]   # [schema.]table.column
 *   kinds: [index, comment]                             # finding kinds, see FindingKind
 * </pre>
 * {@code *} matches any run of characters and {@code ?} one; matching ignores case.
 */
public record IgnoreRules(List<String> tables, List<String> columns, Set<FindingKind> kinds) {

    public IgnoreRules {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        kinds = Set.copyOf(kinds);
    }

    public static IgnoreRules none() {
        return new IgnoreRules(List.of(), List.of(), Set.of());
    }

    /** These rules, also ignoring {@code more} tables (schema.table or a bare name in any schema). */
    public IgnoreRules withTables(List<String> more) {
        List<String> all = new java.util.ArrayList<>(tables);
        all.addAll(more);
        return new IgnoreRules(all, columns, kinds);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty() && kinds.isEmpty();
    }

    public boolean ignores(Finding finding) {
        if (kinds.contains(finding.kind())) {
            return true;
        }
        if (finding.table() != null) {
            String schema = finding.table().schema();
            String table = finding.table().name();
            if (tables.stream().anyMatch(p -> matches(p, schema + "." + table) || (!p.contains(".") && matches(p, table)))) {
                return true;
            }
            if (finding.column() != null) {
                String column = finding.column();
                return columns.stream().anyMatch(p -> matches(p, schema + "." + table + "." + column)
                        || (p.chars().filter(ch -> ch == '.').count() == 1 && matches(p, table + "." + column)));
            }
        } else if (finding.kind() == FindingKind.SEQUENCE) {
            // A sequence is matched by the table patterns too: it is a relation like a table.
            String name = finding.object().substring("sequence ".length());
            return tables.stream().anyMatch(p -> matches(p, name) || (!p.contains(".") && matches(p, name.substring(name.indexOf('.') + 1))));
        }
        return false;
    }

    public List<Finding> apply(List<Finding> findings) {
        return findings.stream().filter(f -> !ignores(f)).toList();
    }

    /** Parses the YAML value of {@code ignore:}; the message of an {@link IllegalArgumentException} says what is wrong. */
    public static IgnoreRules parse(Object yaml) {
        if (yaml == null) {
            return none();
        }
        if (yaml instanceof List<?> || yaml instanceof String) {
            // the short form: a list of tables the model does not own
            return new IgnoreRules(strings(yaml), List.of(), Set.of());
        }
        if (!(yaml instanceof java.util.Map<?, ?> map)) {
            throw new IllegalArgumentException("'ignore' must be a list of tables, or a mapping with 'tables', 'columns' and/or 'kinds'");
        }
        for (Object key : map.keySet()) {
            if (!Set.of("tables", "columns", "kinds").contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown key 'ignore." + key + "'; known keys are [columns, kinds, tables]");
            }
        }
        List<FindingKind> kinds = new ArrayList<>();
        for (String text : strings(map.get("kinds"))) {
            kinds.add(FindingKind.parse(text).orElseThrow(() -> new IllegalArgumentException("unknown kind '" + text
                    + "' in ignore.kinds; known kinds are " + java.util.Arrays.stream(FindingKind.values())
                    .map(FindingKind::id).collect(Collectors.toList()))));
        }
        return new IgnoreRules(strings(map.get("tables")), strings(map.get("columns")), Set.copyOf(kinds));
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        return items.stream().map(String::valueOf).toList();
    }

    private static boolean matches(String glob, String text) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*') {
                regex.append(".*");
            } else if (ch == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(text).matches();
    }
}
