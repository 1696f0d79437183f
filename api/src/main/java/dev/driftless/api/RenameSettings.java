package dev.driftless.api;

import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Renames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@code diff} treats renames: explicit hints, detection from the entity sources' git history, and what to do
 * with probable renames when nobody can be asked.
 *
 * @param hints          {@code --rename}, {@code --rename-table} and {@code renames:} in driftless.yaml, parsed
 * @param sources        the entity sources directory, for detection from history
 * @param history        detect renames from the sources' git history (on unless turned off)
 * @param since          the base revision to compare the sources with, or {@code null} for {@code HEAD}
 * @param acceptProbable take every probable rename as a rename when there is no terminal to ask
 */
public record RenameSettings(List<Renames.Request> hints, Path sources, boolean history, String since,
                             boolean acceptProbable) {

    /** Keys of the {@code renames:} block in driftless.yaml. */
    static final Set<String> KEYS = Set.of("columns", "tables", "history", "since", "accept-probable");

    public RenameSettings {
        hints = List.copyOf(hints);
    }

    /**
     * Flags for renames; {@code null} or empty means "not given".
     *
     * @param noHistory turn detection from history off
     */
    public record Overrides(List<String> columns, List<String> tables, Path sources, String since, Boolean acceptProbable,
                            Boolean noHistory) {
        public static Overrides none() {
            return new Overrides(List.of(), List.of(), null, null, null, null);
        }
    }

    private static final Pattern NAME = Pattern.compile("[^.=\\s]+");

    /** {@code schema.table.old_column=new_column} (a bare {@code table.old=new} means schema {@code public}). */
    public static Change.RenameColumn parseColumn(String text) {
        String[] sides = sides(text, "--rename", "schema.table.old_column=new_column");
        String[] left = sides[0].split("\\.", -1);
        if (left.length < 2 || left.length > 3 || !allNames(left) || !NAME.matcher(sides[1]).matches()) {
            throw usage("--rename " + text + ": expected schema.table.old_column=new_column, e.g. "
                    + "--rename market_data.orders.qty=quantity");
        }
        QualifiedName table = left.length == 3 ? QualifiedName.of(left[0], left[1]) : QualifiedName.of("public", left[0]);
        return new Change.RenameColumn(table, left[left.length - 1], sides[1]);
    }

    /** {@code schema.old=schema.new}; a bare new name keeps the old schema, a bare old name means {@code public}. */
    public static Change.RenameTable parseTable(String text) {
        String[] sides = sides(text, "--rename-table", "schema.old_table=schema.new_table");
        String[] left = sides[0].split("\\.", -1);
        String[] right = sides[1].split("\\.", -1);
        if (left.length > 2 || right.length > 2 || !allNames(left) || !allNames(right)) {
            throw usage("--rename-table " + text + ": expected schema.old_table=schema.new_table, e.g. "
                    + "--rename-table market_data.trades=market_data.executions");
        }
        QualifiedName from = QualifiedName.parse(sides[0]);
        QualifiedName to = right.length == 2 ? QualifiedName.parse(sides[1]) : QualifiedName.of(from.schema(), sides[1]);
        return new Change.RenameTable(from, to);
    }

    private static String[] sides(String text, String flag, String form) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1 || text.indexOf('=', equals + 1) >= 0) {
            throw usage(flag + " " + text + ": expected " + form);
        }
        return new String[] {text.substring(0, equals).trim(), text.substring(equals + 1).trim()};
    }

    private static boolean allNames(String[] parts) {
        for (String part : parts) {
            if (!NAME.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Merges driftless.yaml's {@code renames:} and {@code sources:} with the flags: hints from both, flags win otherwise. */
    static RenameSettings load(Path base, Object renamesBlock, Object sourcesValue, Overrides flags, Path file) {
        Map<?, ?> block = Map.of();
        if (renamesBlock != null) {
            if (!(renamesBlock instanceof Map<?, ?> map)) {
                throw usage(file + ": 'renames' must be a mapping with " + KEYS.stream().sorted().toList());
            }
            List<String> unknown = map.keySet().stream().map(String::valueOf).filter(k -> !KEYS.contains(k)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw usage(file + ": unknown key(s) " + unknown + " under 'renames'; known keys are " + KEYS.stream().sorted().toList());
            }
            block = map;
        }
        List<Renames.Request> hints = new ArrayList<>();
        for (String text : strings(block.get("tables"), file, "renames.tables")) {
            hints.add(new Renames.Request(parseTable(text), Renames.Origin.CONFIGURED, file.getFileName() + " renames.tables: " + text));
        }
        for (String text : flags.tables() == null ? List.<String>of() : flags.tables()) {
            hints.add(new Renames.Request(parseTable(text), Renames.Origin.HINT, "--rename-table " + text));
        }
        for (String text : strings(block.get("columns"), file, "renames.columns")) {
            hints.add(new Renames.Request(parseColumn(text), Renames.Origin.CONFIGURED, file.getFileName() + " renames.columns: " + text));
        }
        for (String text : flags.columns() == null ? List.<String>of() : flags.columns()) {
            hints.add(new Renames.Request(parseColumn(text), Renames.Origin.HINT, "--rename " + text));
        }
        Path sources = flags.sources() != null ? Path.of("").toAbsolutePath().resolve(flags.sources()).normalize()
                : base.resolve(sourcesValue == null ? "src/main/java" : String.valueOf(sourcesValue)).normalize();
        boolean history = flags.noHistory() != null && flags.noHistory() ? false : bool(block.get("history"), true, file, "renames.history");
        String since = flags.since() != null ? flags.since() : block.get("since") == null ? null : String.valueOf(block.get("since"));
        boolean accept = flags.acceptProbable() != null ? flags.acceptProbable()
                : bool(block.get("accept-probable"), false, file, "renames.accept-probable");
        return new RenameSettings(hints, sources, history, since, accept);
    }

    private static List<String> strings(Object value, Path file, String key) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> strings = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw usage(file + ": " + key + " must be a list of strings like \"schema.table.old=new\", not " + item);
            }
            strings.add(text);
        }
        return strings;
    }

    private static boolean bool(Object value, boolean fallback, Path file, String key) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw usage(file + ": " + key + " must be true or false, not " + value);
    }

    private static DriftlessException usage(String message) {
        return new DriftlessException(ExitCode.USAGE, message);
    }
}
