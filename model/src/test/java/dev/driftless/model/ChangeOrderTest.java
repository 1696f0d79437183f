package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per ordering rule of {@link ChangeOrder}: whatever order the changes come in, they leave in this one. */
class ChangeOrderTest {

    static final QualifiedName ORDERS = QualifiedName.of("app", "orders");
    static final QualifiedName ACCOUNTS = QualifiedName.of("app", "accounts");
    static final Column ID = new Column("id", "bigint", false, null, Identity.BY_DEFAULT);
    static final Column ACCOUNT_ID = Column.of("account_id", "bigint", false);
    static final Column SIDE = Column.of("side", "character varying(8)", true);
    static final Table ACCOUNTS_TABLE = Table.of(ACCOUNTS, List.of(ID), new PrimaryKey("accounts_pkey", List.of("id")));
    static final Table ORDERS_TABLE = Table.of(ORDERS, List.of(ID, ACCOUNT_ID, SIDE), new PrimaryKey("orders_pkey", List.of("id")));
    static final ForeignKey ORDER_ACCOUNT = new ForeignKey("fk_orders_account", List.of("account_id"), ACCOUNTS,
            List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    static final CheckConstraint SIDE_CHECK = new CheckConstraint("orders_side_check", "CHECK (side IN ('BUY'))");
    static final Index BY_SIDE = new Index("ix_orders_side", List.of("side"), false, "btree", null);
    static final EnumType MOOD = new EnumType(QualifiedName.of("app", "mood"), List.of("CALM"), List.of());
    static final EnumType MOOD_MORE = new EnumType(MOOD.name(), List.of("CALM", "NERVOUS"), List.of());
    static final Sequence SEQ = new Sequence(QualifiedName.of("app", "orders_seq"), "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false);

    /** {@code first} runs before {@code second}, whichever of the two comes first in the input. */
    static void assertBefore(Change first, Change second) {
        assertEquals(List.of(first, second), ChangeOrder.sort(List.of(second, first)), first.describe() + " before " + second.describe());
        assertEquals(List.of(first, second), ChangeOrder.sort(List.of(first, second)), first.describe() + " before " + second.describe());
    }

    @Test
    void everyKindOfChangeHasAPhase() {
        for (Class<?> kind : Change.class.getPermittedSubclasses()) {
            assertTrue(ChangeOrder.PHASES_FOR_TEST().containsKey(kind), kind.getSimpleName() + " has no phase");
        }
    }

    @Test
    void aSchemaIsCreatedBeforeAnythingInItAndDroppedAfter() {
        assertBefore(new Change.CreateSchema("app"), new Change.CreateSequence(SEQ));
        assertBefore(new Change.CreateSchema("app"), new Change.CreateEnumType(MOOD));
        assertBefore(new Change.CreateSchema("app"), new Change.CreateTable(ORDERS_TABLE));
        assertBefore(new Change.DropTable(ORDERS_TABLE), new Change.DropSchema("app"));
        assertBefore(new Change.DropSequence(SEQ), new Change.DropSchema("app"));
        assertBefore(new Change.DropEnumType(MOOD), new Change.DropSchema("app"));
    }

    @Test
    void foreignKeysAreDroppedBeforeTheirTablesAndCreatedAfterBothTablesExist() {
        assertBefore(new Change.DropForeignKey(ORDERS, ORDER_ACCOUNT), new Change.DropTable(ACCOUNTS_TABLE));
        assertBefore(new Change.DropForeignKey(ORDERS, ORDER_ACCOUNT), new Change.DropTable(ORDERS_TABLE));
        assertBefore(new Change.CreateTable(ACCOUNTS_TABLE), new Change.AddForeignKey(ORDERS, ORDER_ACCOUNT));
        assertBefore(new Change.CreateTable(ORDERS_TABLE), new Change.AddForeignKey(ORDERS, ORDER_ACCOUNT));
        assertBefore(new Change.AddColumn(ORDERS, ACCOUNT_ID), new Change.AddForeignKey(ORDERS, ORDER_ACCOUNT));
    }

    @Test
    void foreignKeysAreDroppedBeforeTheKeysTheyReferenceAndAddedAfter() {
        PrimaryKey pk = ACCOUNTS_TABLE.primaryKey();
        assertBefore(new Change.DropForeignKey(ORDERS, ORDER_ACCOUNT), new Change.DropPrimaryKey(ACCOUNTS, pk));
        assertBefore(new Change.AddPrimaryKey(ACCOUNTS, pk), new Change.AddForeignKey(ORDERS, ORDER_ACCOUNT));
        UniqueConstraint unique = new UniqueConstraint("accounts_id_key", List.of("id"));
        assertBefore(new Change.DropForeignKey(ORDERS, ORDER_ACCOUNT), new Change.DropUniqueConstraint(ACCOUNTS, unique));
        assertBefore(new Change.AddUniqueConstraint(ACCOUNTS, unique), new Change.AddForeignKey(ORDERS, ORDER_ACCOUNT));
    }

    @Test
    void aTypeChangeComesAfterTheCheckThatRestrictsItIsDroppedAndBeforeTheNewOneIsAdded() {
        Change retype = new Change.AlterColumnType(ORDERS, "side", "smallint", "character varying(8)");
        assertBefore(new Change.DropCheckConstraint(ORDERS, SIDE_CHECK), retype);
        assertBefore(retype, new Change.AddCheckConstraint(ORDERS, SIDE_CHECK));
    }

    @Test
    void indexesAndConstraintsGoBeforeTheColumnsTheyCoverAndComeAfterThem() {
        assertBefore(new Change.DropIndex(ORDERS, BY_SIDE), new Change.DropColumn(ORDERS, SIDE));
        assertBefore(new Change.DropCheckConstraint(ORDERS, SIDE_CHECK), new Change.DropColumn(ORDERS, SIDE));
        assertBefore(new Change.AddColumn(ORDERS, SIDE), new Change.CreateIndex(ORDERS, BY_SIDE));
        assertBefore(new Change.AddColumn(ORDERS, SIDE), new Change.AddCheckConstraint(ORDERS, SIDE_CHECK));
        assertBefore(new Change.AlterColumnType(ORDERS, "side", "text", "character varying(8)"), new Change.CreateIndex(ORDERS, BY_SIDE));
    }

    @Test
    void aPrimaryKeyChangeDropsTheOldKeyBeforeAddingTheNew() {
        assertBefore(new Change.DropPrimaryKey(ORDERS, ORDERS_TABLE.primaryKey()),
                new Change.AddPrimaryKey(ORDERS, new PrimaryKey("orders_pkey", List.of("id", "side"))));
    }

    @Test
    void sequencesExistBeforeTheTablesWhoseDefaultsUseThemAndGoAfter() {
        assertBefore(new Change.CreateSequence(SEQ), new Change.CreateTable(ORDERS_TABLE));
        assertBefore(new Change.CreateSequence(SEQ), new Change.AlterColumnDefault(ORDERS, "id", null, "nextval('app.orders_seq'::regclass)"));
        assertBefore(new Change.DropTable(ORDERS_TABLE), new Change.DropSequence(SEQ));
        assertBefore(new Change.AlterColumnDefault(ORDERS, "id", "nextval('app.orders_seq'::regclass)", null), new Change.DropSequence(SEQ));
    }

    @Test
    void enumTypesExistWithTheirNewLabelsBeforeColumnsDefaultsAndChecksUseThemAndGoAfter() {
        Column mood = Column.of("mood", "app.mood", true);
        assertBefore(new Change.CreateEnumType(MOOD), new Change.CreateTable(ORDERS_TABLE.withColumns(List.of(ID, mood))));
        assertBefore(new Change.CreateEnumType(MOOD), new Change.AddColumn(ORDERS, mood));
        assertBefore(new Change.CreateEnumType(MOOD), new Change.AlterColumnType(ORDERS, "side", "text", "app.mood"));
        Change addValue = new Change.AlterEnumType(MOOD, MOOD_MORE, List.of());
        assertBefore(addValue, new Change.AlterColumnDefault(ORDERS, "mood", null, "'NERVOUS'::app.mood"));
        assertBefore(addValue, new Change.AddCheckConstraint(ORDERS, new CheckConstraint("c", "CHECK (mood <> 'NERVOUS')")));
        assertBefore(new Change.DropTable(ORDERS_TABLE), new Change.DropEnumType(MOOD));
        assertBefore(new Change.DropColumn(ORDERS, mood), new Change.DropEnumType(MOOD));
        assertBefore(new Change.AlterColumnType(ORDERS, "mood", "app.mood", "text"), new Change.DropEnumType(MOOD));
    }

    @Test
    void columnChangesGoLettingGoThenTypeThenIdentityAndDefaultThenNotNull() {
        // a serial becoming an identity: its default goes first, the identity comes after the type it must fit
        Change dropDefault = new Change.AlterColumnDefault(ORDERS, "id", "nextval('app.orders_id_seq'::regclass)", null);
        Change type = new Change.AlterColumnType(ORDERS, "id", "integer", "bigint");
        Change identity = new Change.AlterColumnIdentity(ORDERS, "id", Identity.NONE, Identity.BY_DEFAULT);
        Change defaultValue = new Change.AlterColumnDefault(ORDERS, "side", null, "'BUY'::character varying");
        Change notNull = new Change.AlterColumnNullability(ORDERS, "side", false);
        List<Change> expected = List.of(dropDefault, type, identity, defaultValue, notNull);
        List<Change> shuffled = new ArrayList<>(expected);
        Collections.reverse(shuffled);
        assertEquals(expected, ChangeOrder.sort(shuffled));
    }

    @Test
    void anIdentityDroppedGoesBeforeTheTypeChangeAndTheDefaultThatReplacesIt() {
        Change dropIdentity = new Change.AlterColumnIdentity(ORDERS, "id", Identity.BY_DEFAULT, Identity.NONE);
        Change type = new Change.AlterColumnType(ORDERS, "id", "bigint", "integer");
        Change setDefault = new Change.AlterColumnDefault(ORDERS, "id", null, "nextval('app.orders_id_seq'::regclass)");
        assertEquals(List.of(dropIdentity, type, setDefault), ChangeOrder.sort(List.of(setDefault, type, dropIdentity)));
    }

    @Test
    void commentsComeAfterTheColumnsTheyDescribe() {
        assertBefore(new Change.AddColumn(ORDERS, SIDE), new Change.SetColumnComment(ORDERS, "side", null, "Buy or sell"));
        assertBefore(new Change.CreateTable(ORDERS_TABLE), new Change.SetTableComment(ORDERS, null, "Orders"));
    }

    @Test
    void withinAPhaseTheOrderIsByTableThenDescriptionWhateverTheInputOrder() {
        Change a = new Change.AddColumn(ACCOUNTS, SIDE);
        Change b = new Change.AddColumn(ORDERS, ACCOUNT_ID);
        Change c = new Change.AddColumn(ORDERS, SIDE);
        assertEquals(List.of(a, b, c), ChangeOrder.sort(List.of(c, b, a)));
        assertEquals(List.of(a, b, c), ChangeOrder.sort(List.of(b, a, c)));
    }
}
