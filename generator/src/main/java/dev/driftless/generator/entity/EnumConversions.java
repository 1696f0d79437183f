package dev.driftless.generator.entity;

import dev.driftless.model.Change;
import dev.driftless.model.ValueMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives a type change of an enum column the conversion of its stored values. {@code @Enumerated(ORDINAL)} →
 * {@code STRING} turns {@code smallint} into {@code varchar}; PostgreSQL's cast would store {@code '0'} where the
 * application now expects {@code 'BUY'} (and Hibernate's new check constraint rejects it). With the model's enum
 * constants, ordinal i becomes the i-th constant's name, and the rollback turns names back into ordinals.
 *
 * <p>It assumes the constants kept their order across the change; reordering an ORDINAL enum is a data
 * migration no diff can see.
 */
public final class EnumConversions {

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");

    private EnumConversions() {
    }

    public static List<Change> apply(List<Change> changes, List<EnumColumn> enumColumns) {
        Map<String, EnumColumn> byColumn = enumColumns.stream()
                .collect(Collectors.toMap(c -> c.table() + "." + c.column(), Function.identity(), (a, b) -> a));
        List<Change> converted = new ArrayList<>(changes.size());
        for (Change change : changes) {
            EnumColumn column = change instanceof Change.AlterColumnType alter && alter.conversion().isEmpty()
                    ? byColumn.get(alter.table() + "." + alter.column()) : null;
            converted.add(column == null ? change : convert((Change.AlterColumnType) change, column));
        }
        return converted;
    }

    private static Change convert(Change.AlterColumnType change, EnumColumn column) {
        boolean fromOrdinal = INTEGERS.contains(change.fromType()) && isText(change.toType());
        boolean toOrdinal = isText(change.fromType()) && INTEGERS.contains(change.toType());
        if (!fromOrdinal && !toOrdinal) {
            return change;
        }
        List<ValueMapping> mapping = new ArrayList<>();
        for (int i = 0; i < column.constants().size(); i++) {
            ValueMapping ordinalToName = new ValueMapping(Integer.toString(i), column.constants().get(i));
            mapping.add(fromOrdinal ? ordinalToName : ordinalToName.reverse());
        }
        return change.withConversion(mapping);
    }

    private static boolean isText(String type) {
        return type.equals("text") || type.startsWith("character varying") || type.startsWith("character(");
    }
}
