package dev.driftless.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds, for one table both sides have, the properties a JPA model cannot state that differ between objects the differ
 * matched (by columns or behaviour): they are no change, the database keeps them; they are reported.
 */
final class KeptProperties {

    private final Table actual;
    private final Table desired;
    private final List<KeptProperty> found = new ArrayList<>();

    private KeptProperties(Table actual, Table desired) {
        this.actual = actual;
        this.desired = desired;
    }

    static List<KeptProperty> of(Table actual, Table desired) {
        KeptProperties properties = new KeptProperties(actual, desired);
        properties.keys();
        properties.indexes();
        properties.collations();
        return List.copyOf(properties.found);
    }

    private void keys() {
        PrimaryKey pk = actual.primaryKey();
        if (pk != null && desired.primaryKey() != null && pk.columns().equals(desired.primaryKey().columns())) {
            deferrability("primary key " + pk.name(), pk.deferrability(), desired.primaryKey().deferrability());
        }
        for (UniqueConstraint unique : actual.uniqueConstraints()) {
            desired.uniqueConstraints().stream().filter(d -> d.columns().equals(unique.columns())).findFirst()
                    .ifPresent(d -> {
                        String object = "unique constraint " + unique.name() + " " + unique.columns();
                        deferrability(object, unique.deferrability(), d.deferrability());
                        include(object, unique.include(), d.include());
                        nullsNotDistinct(object, unique.nullsNotDistinct(), d.nullsNotDistinct());
                    });
        }
        for (ForeignKey key : actual.foreignKeys()) {
            desired.foreignKeys().stream().filter(d -> d.behaviour().equals(key.behaviour())).findFirst()
                    .ifPresent(d -> deferrability("foreign key " + key.name() + " " + key.columns() + " → "
                            + key.referencedTable() + key.referencedColumns(), key.deferrability(), d.deferrability()));
        }
    }

    private void indexes() {
        for (Index index : actual.indexes()) {
            desired.indexes().stream().filter(d -> d.behaviour().equals(index.behaviour())).findFirst().ifPresent(d -> {
                String object = "index " + index.name() + " (" + String.join(", ", index.keys()) + ")";
                include(object, index.include(), d.include());
                nullsNotDistinct(object, index.nullsNotDistinct(), d.nullsNotDistinct());
            });
        }
    }

    private void collations() {
        for (Column column : actual.columns()) {
            desired.column(column.name()).ifPresent(d -> differs(KeptProperty.COLLATION, "column " + column.name(),
                    collation(column.collation()), collation(d.collation())));
        }
    }

    private static String collation(String collation) {
        return collation == null ? "the default collation" : "COLLATE " + collation;
    }

    private void include(String object, List<String> database, List<String> model) {
        differs(KeptProperty.INCLUDE, object, included(database), included(model));
    }

    private static String included(List<String> columns) {
        return columns.isEmpty() ? "no INCLUDE" : "INCLUDE (" + String.join(", ", columns) + ")";
    }

    private void nullsNotDistinct(String object, boolean database, boolean model) {
        differs(KeptProperty.NULLS_NOT_DISTINCT, object, nulls(database), nulls(model));
    }

    private static String nulls(boolean notDistinct) {
        return notDistinct ? "NULLS NOT DISTINCT" : "NULLS DISTINCT";
    }

    private void deferrability(String object, Deferrability database, Deferrability model) {
        differs(KeptProperty.DEFERRABLE, object, database.describe(), model.describe());
    }

    private void differs(String kind, String object, String database, String model) {
        if (!Objects.equals(database, model)) {
            found.add(new KeptProperty(kind, actual.name(), object, database, model));
        }
    }
}
