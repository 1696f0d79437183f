package dev.driftless.generator.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.entity.EntityMapping;
import dev.driftless.generator.source.SourceIndex;
import dev.driftless.model.Change;
import dev.driftless.model.Column;
import dev.driftless.model.ForeignKey;
import dev.driftless.model.PrimaryKey;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.ReferentialAction;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiffer;
import dev.driftless.model.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static final QualifiedName ORDERS = QualifiedName.of("shop", "orders");
    private static final QualifiedName USERS = QualifiedName.of("shop", "users");

    @Test
    void everyKindOfChangeMakesAFinding() {
        Set<Class<?>> permitted = Set.of(Change.class.getPermittedSubclasses());
        assertEquals(permitted, Findings.KINDS.keySet(), "a new Change type needs its finding kind in Findings.KINDS");
    }

    @Test
    void aForeignKeyThatDiffersOnlyInOnDeleteIsOneFindingOnTheField() {
        ForeignKey model = new ForeignKey("fk_a", List.of("user_id"), USERS, List.of("id"), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION);
        ForeignKey database = new ForeignKey("fk_b", List.of("user_id"), USERS, List.of("id"), ReferentialAction.CASCADE,
                ReferentialAction.NO_ACTION);
        Table users = Table.of(USERS, List.of(Column.of("id", "bigint", false)), new PrimaryKey("users_pkey", List.of("id")));
        Table orders = Table.of(ORDERS, List.of(Column.of("id", "bigint", false), Column.of("user_id", "bigint", true)),
                new PrimaryKey("orders_pkey", List.of("id")));
        Schema desired = new Schema(List.of("shop"), List.of(users, orders.withForeignKeys(List.of(model))), List.of());
        Schema actual = new Schema(List.of("shop"), List.of(users, orders.withForeignKeys(List.of(database))), List.of());
        EntityMapping mapping = new EntityMapping(List.of(new EntityMapping.Owner(ORDERS, "com.shop.Order", null)),
                List.of(new EntityMapping.ColumnOwner(ORDERS, "user_id", "com.shop.Order", "user")));

        List<Finding> findings = new Findings(mapping, SourceIndex.empty()).of(new SchemaDiffer().diff(actual, desired));

        assertEquals(1, findings.size(), findings::toString);
        Finding f = findings.get(0);
        assertEquals(FindingKind.FOREIGN_KEY, f.kind());
        assertEquals("Order.user", f.source().describe());
        assertTrue(f.problem().contains("ON DELETE CASCADE"), f.problem());
        assertTrue(f.problem().contains("ON DELETE NO ACTION"), f.problem());
        assertEquals(2, f.changes().size());
    }

    @Test
    void aKeyDeferrableInTheDatabaseOnlyIsAFindingOfItsOwnWithNothingToChange() {
        ForeignKey model = new ForeignKey("fk_a", List.of("user_id"), USERS, List.of("id"), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION);
        ForeignKey database = new ForeignKey("fk_b", List.of("user_id"), USERS, List.of("id"), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, dev.driftless.model.Deferrability.INITIALLY_DEFERRED);
        Table users = Table.of(USERS, List.of(Column.of("id", "bigint", false)), new PrimaryKey("users_pkey", List.of("id")));
        Table orders = Table.of(ORDERS, List.of(Column.of("id", "bigint", false), Column.of("user_id", "bigint", true)),
                new PrimaryKey("orders_pkey", List.of("id")));
        Schema desired = new Schema(List.of("shop"), List.of(users, orders.withForeignKeys(List.of(model))), List.of());
        Schema actual = new Schema(List.of("shop"), List.of(users, orders.withForeignKeys(List.of(database))), List.of());
        EntityMapping mapping = new EntityMapping(List.of(new EntityMapping.Owner(ORDERS, "com.shop.Order", null)), List.of());

        List<Finding> findings = new Findings(mapping, SourceIndex.empty()).of(new SchemaDiffer().diff(actual, desired));

        assertEquals(1, findings.size(), findings::toString);
        Finding f = findings.get(0);
        assertEquals(FindingKind.DEFERRABLE, f.kind());
        assertTrue(f.kind().beyondTheModel());
        assertEquals("DEFERRABLE INITIALLY DEFERRED", f.database());
        assertEquals("NOT DEFERRABLE", f.model());
        assertEquals(List.of(), f.changes(), "the diff keeps it");
        assertEquals("class Order", f.source().describe());
        assertEquals("class Order → foreign key fk_b [user_id] → shop.users[id]: is DEFERRABLE INITIALLY DEFERRED in the database,"
                + " the model says NOT DEFERRABLE (JPA cannot state it; diff keeps it)", f.line());
    }

    @Test
    void aMissingTableIsOneFindingWithItsKeysAndIndexes() {
        ForeignKey fk = new ForeignKey("fk", List.of("user_id"), USERS, List.of("id"), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION);
        Table orders = Table.of(ORDERS, List.of(Column.of("id", "bigint", false), Column.of("user_id", "bigint", true)),
                new PrimaryKey("orders_pkey", List.of("id"))).withForeignKeys(List.of(fk));
        Table users = Table.of(USERS, List.of(Column.of("id", "bigint", false)), new PrimaryKey("users_pkey", List.of("id")));
        Schema desired = new Schema(List.of("shop"), List.of(users, orders), List.of());
        Schema actual = new Schema(List.of("shop"), List.of(users), List.of());

        List<Finding> findings = new Findings(EntityMapping.none(), SourceIndex.empty()).of(new SchemaDiffer().diff(actual, desired));

        assertEquals(List.of(FindingKind.MISSING_TABLE), findings.stream().map(Finding::kind).toList());
        assertNull(findings.get(0).source(), "nothing maps it in an empty mapping");
        assertEquals("table shop.orders: missing in the database", findings.get(0).line());
    }

    @Test
    void ignoreRulesMatchTablesColumnsAndKinds() {
        IgnoreRules rules = IgnoreRules.parse(Map.of("tables", List.of("audit.*", "flyway_schema_history"),
                "columns", List.of("*.legacy_*", "shop.orders.note"), "kinds", List.of("index")));
        Finding column = new Finding(FindingKind.UNMAPPED_COLUMN, ORDERS, "legacy_code", "column", "x", null, null, null, "k",
                List.of(), null);
        Finding note = new Finding(FindingKind.UNMAPPED_COLUMN, ORDERS, "note", "column", "x", null, null, null, "k", List.of(), null);
        Finding other = new Finding(FindingKind.UNMAPPED_COLUMN, ORDERS, "other", "column", "x", null, null, null, "k", List.of(), null);
        Finding audit = new Finding(FindingKind.UNMAPPED_TABLE, QualifiedName.of("audit", "log"), null, "table", "x", null, null,
                null, "k", List.of(), null);
        Finding flyway = new Finding(FindingKind.UNMAPPED_TABLE, QualifiedName.of("public", "flyway_schema_history"), null,
                "table", "x", null, null, null, "k", List.of(), null);
        Finding index = new Finding(FindingKind.INDEX, ORDERS, null, "index", "x", null, null, null, "k", List.of(), null);
        assertTrue(rules.ignores(column));
        assertTrue(rules.ignores(note));
        assertFalse(rules.ignores(other));
        assertTrue(rules.ignores(audit));
        assertTrue(rules.ignores(flyway));
        assertTrue(rules.ignores(index));
        assertEquals(Set.of("index"), Set.copyOf(Arrays.stream(FindingKind.values()).filter(k -> rules.kinds().contains(k))
                .map(FindingKind::id).toList()));
    }
}
