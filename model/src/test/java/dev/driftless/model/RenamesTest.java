package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: each case is (name, actual, desired, requested renames, expected changes in order). */
class RenamesTest {

    static final QualifiedName ORDERS = QualifiedName.of("market_data", "orders");
    static final QualifiedName CLIENT_ORDERS = QualifiedName.of("market_data", "client_orders");
    static final QualifiedName TRADES = QualifiedName.of("market_data", "trades");
    static final Column ID = new Column("id", "bigint", false, null, Identity.BY_DEFAULT);
    static final Column QTY = Column.of("qty", "numeric(19,8)", false);
    static final Column QUANTITY = Column.of("quantity", "numeric(19,8)", false);
    static final Column ORDER_ID = Column.of("order_id", "bigint", false);
    static final PrimaryKey ORDERS_PK = new PrimaryKey("orders_pkey", List.of("id"));
    static final CheckConstraint QTY_POSITIVE = new CheckConstraint("orders_qty_check", "CHECK ((qty > (0)::numeric))");
    static final Index BY_QTY = new Index("ix_orders_qty", List.of("qty DESC"), false, "btree", "(qty > (0)::numeric)");

    static Table table(QualifiedName name, Column... columns) {
        return Table.of(name, List.of(columns), new PrimaryKey(name.name() + "_pkey", List.of("id")));
    }

    static Table trades(QualifiedName referenced) {
        return table(TRADES, ID, ORDER_ID).withForeignKeys(List.of(new ForeignKey("fk_trades_order", List.of("order_id"),
                referenced, List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)));
    }

    static Schema schema(Table... tables) {
        return new Schema(List.of("market_data"), List.of(tables), List.of());
    }

    static Renames.Request column(QualifiedName table, String from, String to) {
        return Renames.Request.hint(new Change.RenameColumn(table, from, to));
    }

    static Renames.Request tableRename(QualifiedName from, QualifiedName to) {
        return Renames.Request.hint(new Change.RenameTable(from, to));
    }

    static Stream<Arguments> cases() {
        QualifiedName archived = QualifiedName.of("archive", "orders");
        return Stream.of(
                Arguments.of("without a hint a renamed column is a drop and an add",
                        schema(table(ORDERS, ID, QTY)), schema(table(ORDERS, ID, QUANTITY)), List.of(),
                        List.of(new Change.DropColumn(ORDERS, QTY), new Change.AddColumn(ORDERS, QUANTITY))),
                Arguments.of("a column hint gives one rename",
                        schema(table(ORDERS, ID, QTY)), schema(table(ORDERS, ID, QUANTITY)),
                        List.of(column(ORDERS, "qty", "quantity")),
                        List.of(new Change.RenameColumn(ORDERS, "qty", "quantity"))),
                Arguments.of("renamed and retyped: rename first, then the type change under the new name",
                        schema(table(ORDERS, ID, QTY)), schema(table(ORDERS, ID, QUANTITY.withType("numeric(28,10)"))),
                        List.of(column(ORDERS, "qty", "quantity")),
                        List.of(new Change.RenameColumn(ORDERS, "qty", "quantity"),
                                new Change.AlterColumnType(ORDERS, "quantity", "numeric(19,8)", "numeric(28,10)"))),
                Arguments.of("checks and indexes on the column follow it",
                        schema(table(ORDERS, ID, QTY).withChecks(List.of(QTY_POSITIVE)).withIndexes(List.of(BY_QTY))),
                        schema(table(ORDERS, ID, QUANTITY)
                                .withChecks(List.of(new CheckConstraint("c1", "CHECK ((quantity > (0)::numeric))")))
                                .withIndexes(List.of(new Index("ix2", List.of("quantity DESC"), false, "btree",
                                        "(quantity > (0)::numeric)")))),
                        List.of(column(ORDERS, "qty", "quantity")),
                        List.of(new Change.RenameColumn(ORDERS, "qty", "quantity"))),
                Arguments.of("a renamed key column: foreign keys that reference it follow",
                        schema(Table.of(ORDERS, List.of(new Column("order_no", "bigint", false, null, Identity.BY_DEFAULT)), new PrimaryKey("orders_pkey", List.of("order_no"))),
                                table(TRADES, ID, ORDER_ID).withForeignKeys(List.of(new ForeignKey("fk", List.of("order_id"),
                                        ORDERS, List.of("order_no"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)))),
                        schema(table(ORDERS, ID), trades(ORDERS)),
                        List.of(column(ORDERS, "order_no", "id")),
                        List.of(new Change.RenameColumn(ORDERS, "order_no", "id"))),
                Arguments.of("a table hint gives one rename; foreign keys pointing at it follow",
                        schema(table(ORDERS, ID, QTY), trades(ORDERS)),
                        schema(table(CLIENT_ORDERS, ID, QTY), trades(CLIENT_ORDERS)),
                        List.of(tableRename(ORDERS, CLIENT_ORDERS)),
                        List.of(new Change.RenameTable(ORDERS, CLIENT_ORDERS))),
                Arguments.of("a table moved to a new schema: the schema first, then the move",
                        schema(table(ORDERS, ID, QTY)),
                        new Schema(List.of("archive"), List.of(table(archived, ID, QTY)), List.of()),
                        List.of(tableRename(ORDERS, archived)),
                        List.of(new Change.CreateSchema("archive"), new Change.RenameTable(ORDERS, archived))),
                Arguments.of("table and column renamed; the column hint may name the table by its old name",
                        schema(table(ORDERS, ID, QTY)), schema(table(CLIENT_ORDERS, ID, QUANTITY)),
                        List.of(column(ORDERS, "qty", "quantity"), tableRename(ORDERS, CLIENT_ORDERS)),
                        List.of(new Change.RenameTable(ORDERS, CLIENT_ORDERS),
                                new Change.RenameColumn(CLIENT_ORDERS, "qty", "quantity"))),
                Arguments.of("... or by its new name",
                        schema(table(ORDERS, ID, QTY)), schema(table(CLIENT_ORDERS, ID, QUANTITY)),
                        List.of(column(CLIENT_ORDERS, "qty", "quantity"), tableRename(ORDERS, CLIENT_ORDERS)),
                        List.of(new Change.RenameTable(ORDERS, CLIENT_ORDERS),
                                new Change.RenameColumn(CLIENT_ORDERS, "qty", "quantity"))),
                Arguments.of("a configured rename the database already shows is done: nothing",
                        schema(table(ORDERS, ID, QUANTITY)), schema(table(ORDERS, ID, QUANTITY)),
                        List.of(new Renames.Request(new Change.RenameColumn(ORDERS, "qty", "quantity"),
                                Renames.Origin.CONFIGURED, "driftless.yaml")), List.of()),
                Arguments.of("a rename found in history that does not fit is ignored, not guessed",
                        schema(table(ORDERS, ID, QTY)), schema(table(ORDERS, ID, QUANTITY)),
                        List.of(new Renames.Request(new Change.RenameColumn(ORDERS, "amount", "quantity"),
                                Renames.Origin.HISTORY, "Order.java")),
                        List.of(new Change.DropColumn(ORDERS, QTY), new Change.AddColumn(ORDERS, QUANTITY))),
                Arguments.of("an asked-for rename wins over a found one for the same column",
                        schema(table(ORDERS, ID, QTY, Column.of("amount", "numeric(19,8)", true))),
                        schema(table(ORDERS, ID, QUANTITY, Column.of("amount", "numeric(19,8)", true))),
                        List.of(new Renames.Request(new Change.RenameColumn(ORDERS, "amount", "quantity"),
                                Renames.Origin.HISTORY, "Order.java"), column(ORDERS, "qty", "quantity")),
                        List.of(new Change.RenameColumn(ORDERS, "qty", "quantity"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolve(String name, Schema actual, Schema desired, List<Renames.Request> requests, List<Change> expected) {
        Renames.Resolution resolution = Renames.resolve(actual, desired, requests);
        assertEquals(List.of(), resolution.problems());
        assertEquals(expected, Renames.diff(new SchemaDiffer(), desired, resolution).changes());
    }

    @ParameterizedTest(name = "reversed: {0}")
    @MethodSource("cases")
    void renamesReverseBySwappingNamesAndLoseNothing(String name, Schema actual, Schema desired,
                                                   List<Renames.Request> requests, List<Change> expected) {
        for (Change change : expected) {
            if (change instanceof Change.RenameColumn || change instanceof Change.RenameTable) {
                assertFalse(change.destructive(), change.describe());
                assertEquals(change, change.reverse().reverse());
                assertFalse(change.equals(change.reverse()));
            }
        }
    }

    @Test
    void theReverseSwapsTheNames() {
        assertEquals(new Change.RenameColumn(ORDERS, "quantity", "qty"), new Change.RenameColumn(ORDERS, "qty", "quantity").reverse());
        assertEquals(new Change.RenameTable(CLIENT_ORDERS, ORDERS), new Change.RenameTable(ORDERS, CLIENT_ORDERS).reverse());
        assertEquals("rename column market_data.orders.qty to quantity",
                new Change.RenameColumn(ORDERS, "qty", "quantity").describe());
        assertEquals("move table market_data.orders to archive.orders",
                new Change.RenameTable(ORDERS, QualifiedName.of("archive", "orders")).describe());
    }

    static Stream<Arguments> problems() {
        Schema actual = schema(table(ORDERS, ID, QTY));
        Schema desired = schema(table(ORDERS, ID, QUANTITY));
        return Stream.of(
                Arguments.of(actual, desired, column(ORDERS, "amount", "quantity"),
                        "rename of column market_data.orders.amount to quantity (hint): the database has no column amount in market_data.orders"),
                Arguments.of(actual, desired, column(ORDERS, "qty", "volume"),
                        "rename of column market_data.orders.qty to volume (hint): the entities map no column volume in market_data.orders"),
                Arguments.of(actual, desired, column(QualifiedName.of("market_data", "nope"), "qty", "quantity"),
                        "rename of column market_data.nope.qty to quantity (hint): no entity maps a table market_data.nope"),
                Arguments.of(actual, schema(table(ORDERS, ID, QTY, QUANTITY)), column(ORDERS, "qty", "quantity"),
                        "rename of column market_data.orders.qty to quantity (hint): the entities still map market_data.orders.qty"),
                Arguments.of(actual, desired, tableRename(QualifiedName.of("market_data", "nope"), CLIENT_ORDERS),
                        "rename of table market_data.nope to market_data.client_orders (hint): the database has no table market_data.nope"),
                Arguments.of(actual, desired, tableRename(ORDERS, CLIENT_ORDERS),
                        "rename of table market_data.orders to market_data.client_orders (hint): no entity maps a table market_data.client_orders"));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void anAskedForRenameThatDoesNotFitIsAClearProblem(Schema actual, Schema desired, Renames.Request request, String problem) {
        Renames.Resolution resolution = Renames.resolve(actual, desired, List.of(request));
        assertEquals(List.of(problem), resolution.problems());
        assertEquals(List.of(), resolution.changes());
    }

    @Test
    void alreadyAppliedRenamesAreReportedAsSuch() {
        Renames.Request configured = new Renames.Request(new Change.RenameColumn(ORDERS, "qty", "quantity"),
                Renames.Origin.CONFIGURED, "driftless.yaml");
        Schema both = schema(table(ORDERS, ID, QUANTITY));
        Renames.Resolution resolution = Renames.resolve(both, both, List.of(configured));
        assertEquals(List.of(configured), resolution.alreadyApplied());
        assertEquals(List.of(), resolution.problems());

        Renames.Resolution flagged = Renames.resolve(both, both, List.of(column(ORDERS, "qty", "quantity")));
        assertEquals(List.of("rename of column market_data.orders.qty to quantity (hint): the database has no column qty"
                + " in market_data.orders and already has quantity (is the rename done already?)"), flagged.problems());
    }

    static Stream<Arguments> probableCases() {
        Column note = Column.of("note", "text", true);
        Column memo = Column.of("memo", "character varying(200)", true);
        Column flag = Column.of("flag", "boolean", true);
        return Stream.of(
                Arguments.of("same type", schema(table(ORDERS, ID, QTY)), schema(table(ORDERS, ID, QUANTITY)),
                        List.of(new Change.RenameColumn(ORDERS, "qty", "quantity"))),
                Arguments.of("text to varchar is compatible", schema(table(ORDERS, ID, note)), schema(table(ORDERS, ID, memo)),
                        List.of(new Change.RenameColumn(ORDERS, "note", "memo"))),
                Arguments.of("numeric to boolean is not", schema(table(ORDERS, ID, QTY)), schema(table(ORDERS, ID, flag)),
                        List.of()),
                Arguments.of("ambiguous: two dropped fit one added, no guess",
                        schema(table(ORDERS, ID, QTY, Column.of("amount", "numeric(19,8)", true))),
                        schema(table(ORDERS, ID, QUANTITY)), List.of()),
                Arguments.of("only within one table",
                        schema(table(ORDERS, ID, QTY), table(TRADES, ID)),
                        schema(table(ORDERS, ID), table(TRADES, ID, QUANTITY)), List.of()));
    }

    @ParameterizedTest(name = "probable: {0}")
    @MethodSource("probableCases")
    void probableRenames(String name, Schema actual, Schema desired, List<Change.RenameColumn> expected) {
        assertEquals(expected, Renames.probable(new SchemaDiffer().diff(actual, desired).changes()));
    }

    @Test
    void identifiersAreRenamedOutsideLiteralsCastsAndCalls() {
        assertEquals("CHECK ((quantity > (0)::numeric))", Renames.renameIdentifier("CHECK ((qty > (0)::numeric))", "qty", "quantity"));
        assertEquals("CHECK (((side)::text = 'side'::text))", Renames.renameIdentifier("CHECK (((kind)::text = 'side'::text))", "kind", "side"));
        assertEquals("CHECK (((side)::text = 'kind'::text))", Renames.renameIdentifier("CHECK (((kind)::text = 'kind'::text))", "kind", "side"));
        assertEquals("lower((name)::text)", Renames.renameIdentifier("lower((lower)::text)", "lower", "name"));
        assertEquals("x::text", Renames.renameIdentifier("x::text", "text", "t"));
        assertEquals("\"Quantity\" DESC", Renames.renameIdentifier("\"qty\" DESC", "qty", "Quantity"));
        assertEquals("quantity_total", Renames.renameIdentifier("quantity_total", "quantity", "q"));
    }

    @Test
    void typeFamilies() {
        assertTrue(Renames.compatible("timestamp(6) without time zone", "timestamp(6) with time zone"));
        assertTrue(Renames.compatible("integer", "bigint"));
        assertFalse(Renames.compatible("integer", "character varying(20)"));
        assertFalse(Renames.compatible("text[]", "character varying(20)[]"));
        assertTrue(Renames.compatible("uuid", "uuid"));
    }

    @Test
    void renamesRunBeforeEveryOtherChangeOfTheirTable() {
        List<Change> sorted = ChangeOrder.sort(List.of(
                new Change.AlterColumnType(CLIENT_ORDERS, "quantity", "a", "b"),
                new Change.DropForeignKey(CLIENT_ORDERS, new ForeignKey("fk", List.of("x"), TRADES, List.of("id"),
                        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)),
                new Change.RenameColumn(CLIENT_ORDERS, "qty", "quantity"),
                new Change.RenameTable(ORDERS, CLIENT_ORDERS),
                new Change.CreateSchema("market_data")));
        assertEquals(List.of(Change.CreateSchema.class, Change.RenameTable.class, Change.RenameColumn.class,
                Change.DropForeignKey.class, Change.AlterColumnType.class), sorted.stream().map(Object::getClass).toList());
    }
}
