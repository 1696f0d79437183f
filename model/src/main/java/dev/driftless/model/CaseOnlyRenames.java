package dev.driftless.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Tables and columns whose names differ only in case between the database and the model: {@code "OrderLine"}, made
 * by a tool that quotes names, and the {@code orderline} an unquoted {@code @Table(name = "OrderLine")} folds to. They
 * are one object by every reading but PostgreSQL's; without this the diff would create an empty {@code orderline}
 * beside the table that holds the rows (and drop that one with {@code --drop-unmapped}). Each pairing must be the only
 * one: a name that matches two others in case is left to the user.
 */
public final class CaseOnlyRenames {

    private CaseOnlyRenames() {
    }

    /** The renames that make the database's names the model's, tables first (columns named by the tables' old names). */
    public static List<Renames.Request> find(Schema actual, Schema desired) {
        return find(actual, desired, DiffOptions.defaults());
    }

    /** As {@link #find(Schema, Schema)}, leaving alone the tables and columns {@code options} tells the diff to ignore. */
    public static List<Renames.Request> find(Schema actual, Schema desired, DiffOptions options) {
        List<Renames.Request> requests = new ArrayList<>();
        List<QualifiedName> onlyActual = actual.tables().stream().map(Table::name)
                .filter(n -> desired.table(n).isEmpty()).filter(n -> !options.ignores(n)).toList();
        List<QualifiedName> onlyDesired = desired.tables().stream().map(Table::name)
                .filter(n -> actual.table(n).isEmpty()).toList();
        Map<QualifiedName, QualifiedName> tables = pairs(onlyActual, onlyDesired, n -> n.schema() + "." + folded(n.name()));
        tables.forEach((from, to) -> requests.add(new Renames.Request(new Change.RenameTable(from, to), Renames.Origin.CASE,
                "only the case differs: " + from + " in the database, " + to + " in the model (an unquoted name folds"
                        + " to lower case)")));
        for (Table existing : actual.tables()) {
            QualifiedName modelName = tables.getOrDefault(existing.name(), existing.name());
            Optional<Table> wanted = desired.table(modelName);
            if (wanted.isEmpty()) {
                continue;
            }
            List<String> onlyActualColumns = names(existing).stream().filter(c -> !names(wanted.get()).contains(c))
                    .filter(c -> !options.ignoresColumn(existing.name(), c)).toList();
            List<String> onlyDesiredColumns = names(wanted.get()).stream().filter(c -> !names(existing).contains(c)).toList();
            pairs(onlyActualColumns, onlyDesiredColumns, CaseOnlyRenames::folded).forEach((from, to) ->
                    requests.add(new Renames.Request(new Change.RenameColumn(existing.name(), from, to), Renames.Origin.CASE,
                            "only the case differs: " + existing.name() + "." + from + " in the database, " + to
                                    + " in the model")));
        }
        return requests;
    }

    /** Each name of {@code from} paired with the one name of {@code to} it equals in case only, when both are unique. */
    private static <T> Map<T, T> pairs(List<T> from, List<T> to, Function<T, String> key) {
        Map<String, List<T>> fromByKey = from.stream().collect(Collectors.groupingBy(key));
        Map<String, List<T>> toByKey = to.stream().collect(Collectors.groupingBy(key));
        Map<T, T> pairs = new java.util.LinkedHashMap<>();
        fromByKey.forEach((k, olds) -> {
            List<T> news = toByKey.getOrDefault(k, List.of());
            if (olds.size() == 1 && news.size() == 1) {
                pairs.put(olds.get(0), news.get(0));
            }
        });
        return pairs;
    }

    private static List<String> names(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
