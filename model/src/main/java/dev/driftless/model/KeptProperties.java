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
        return List.copyOf(properties.found);
    }

    private void keys() {
        PrimaryKey pk = actual.primaryKey();
        if (pk != null && desired.primaryKey() != null && pk.columns().equals(desired.primaryKey().columns())) {
            deferrability("primary key " + pk.name(), pk.deferrability(), desired.primaryKey().deferrability());
        }
        for (UniqueConstraint unique : actual.uniqueConstraints()) {
            desired.uniqueConstraints().stream().filter(d -> d.columns().equals(unique.columns())).findFirst()
                    .ifPresent(d -> deferrability("unique constraint " + unique.name() + " " + unique.columns(),
                            unique.deferrability(), d.deferrability()));
        }
        for (ForeignKey key : actual.foreignKeys()) {
            desired.foreignKeys().stream().filter(d -> d.behaviour().equals(key.behaviour())).findFirst()
                    .ifPresent(d -> deferrability("foreign key " + key.name() + " " + key.columns() + " → "
                            + key.referencedTable() + key.referencedColumns(), key.deferrability(), d.deferrability()));
        }
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
