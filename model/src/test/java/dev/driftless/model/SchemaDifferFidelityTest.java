package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The differ's handling of enum types, comments, ignore rules and keys that foreign keys hold on to. */
class SchemaDifferFidelityTest {

    static final QualifiedName HOLDINGS = QualifiedName.of("app", "holdings");
    static final QualifiedName LOTS = QualifiedName.of("app", "lots");
    static final Column ACCOUNT = Column.of("account", "character varying(20)", false);
    static final Column SYMBOL = Column.of("symbol", "character varying(12)", false);
    static final Column MOOD = Column.of("mood", "app.mood", true).withDefault("'CALM'::app.mood");
    static final EnumType MOODS = new EnumType(QualifiedName.of("app", "mood"), List.of("CALM", "NERVOUS"),
            List.of(new EnumType.Cast("character varying", "app.mood", "implicit")));

    static Schema schema(List<Table> tables, List<EnumType> types) {
        return new Schema(List.of("app"), tables, List.of(), types);
    }

    @Test
    void aKeyThatAForeignKeyReferencesIsReleasedAndTheForeignKeyComesBack() {
        Table holdings = Table.of(HOLDINGS, List.of(ACCOUNT, SYMBOL), new PrimaryKey("holdings_pkey", List.of("account", "symbol")));
        ForeignKey lotHolding = new ForeignKey("fk_lot_holding", List.of("account", "symbol"), HOLDINGS,
                List.of("account", "symbol"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
        Table lots = Table.of(LOTS, List.of(ACCOUNT, SYMBOL), null).withForeignKeys(List.of(lotHolding));
        Table reordered = Table.of(HOLDINGS, List.of(ACCOUNT, SYMBOL), new PrimaryKey("holdings_pkey", List.of("symbol", "account")));
        ForeignKey sameKey = new ForeignKey("fk_lot_holding", List.of("account", "symbol"), HOLDINGS,
                List.of("account", "symbol"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);

        List<Change> changes = new SchemaDiffer().diff(schema(List.of(holdings, lots), List.of()),
                schema(List.of(reordered, lots.withForeignKeys(List.of(sameKey))), List.of())).changes();

        assertEquals(List.of(
                new Change.DropForeignKey(LOTS, lotHolding),
                new Change.DropPrimaryKey(HOLDINGS, holdings.primaryKey()),
                new Change.AddPrimaryKey(HOLDINGS, reordered.primaryKey()),
                new Change.AddForeignKey(LOTS, sameKey)), changes);
    }

    @Test
    void anAddedEnumLabelIsOneChangeThatKnowsTheColumnsOfTheType() {
        Table holdings = Table.of(HOLDINGS, List.of(ACCOUNT, MOOD), null);
        EnumType more = new EnumType(MOODS.name(), List.of("CALM", "EUPHORIC", "NERVOUS"), MOODS.casts());
        List<Change> changes = new SchemaDiffer().diff(schema(List.of(holdings), List.of(MOODS)),
                schema(List.of(holdings), List.of(more))).changes();
        Change.AlterEnumType expected = new Change.AlterEnumType(MOODS, more,
                List.of(new EnumType.Usage(HOLDINGS, "mood", false, "'CALM'::app.mood")));
        assertEquals(List.of(expected), changes);
        assertEquals(true, expected.onlyAddsValues());
        assertEquals(false, ((Change.AlterEnumType) expected.reverse()).onlyAddsValues());
        assertEquals("add value EUPHORIC to enum type app.mood", expected.describe());
    }

    @Test
    void anEnumTypeOnlyInTheDatabaseIsReportedOrDroppedWhenAsked() {
        Schema actual = schema(List.of(), List.of(MOODS));
        Schema desired = new Schema(List.of("app"), List.of(Table.of(HOLDINGS, List.of(ACCOUNT), null)), List.of());
        SchemaDiff reported = new SchemaDiffer().diff(actual, desired);
        assertEquals(List.of(MOODS.name()), reported.unmappedEnumTypes());
        assertEquals(List.of(new Change.CreateTable(desired.tables().get(0))), reported.changes());
        SchemaDiff dropped = new SchemaDiffer(new DiffOptions(true)).diff(actual, desired);
        assertEquals(List.of(new Change.CreateTable(desired.tables().get(0)), new Change.DropEnumType(MOODS)), dropped.changes());
    }

    @Test
    void commentsAreComparedAndNewTablesCarryTheirOwn() {
        Table plain = Table.of(HOLDINGS, List.of(ACCOUNT, SYMBOL), null);
        Table commented = plain.withComment("Positions").withColumns(List.of(ACCOUNT.withComment("Owner"), SYMBOL));
        assertEquals(List.of(new Change.SetColumnComment(HOLDINGS, "account", null, "Owner"),
                        new Change.SetTableComment(HOLDINGS, null, "Positions")),
                new SchemaDiffer().diff(schema(List.of(plain), List.of()), schema(List.of(commented), List.of())).changes());
        assertEquals(List.of(new Change.CreateTable(commented)),
                new SchemaDiffer().diff(schema(List.of(), List.of()), schema(List.of(commented), List.of())).changes());
    }

    @Test
    void ignoreRulesHideWhatTheModelDoesNotOwnButNeverWhatItMaps() {
        Table legacy = Table.of(QualifiedName.of("app", "legacy_orders"), List.of(ACCOUNT), null);
        Table flyway = Table.of(QualifiedName.of("app", "flyway_schema_history"), List.of(ACCOUNT), null);
        Table other = Table.of(QualifiedName.of("app", "other"), List.of(ACCOUNT), null);
        Table mapped = Table.of(QualifiedName.of("app", "legacy_mapped"), List.of(ACCOUNT, SYMBOL), null);
        Schema actual = schema(List.of(legacy, flyway, other, Table.of(mapped.name(), List.of(ACCOUNT), null)), List.of());
        DiffOptions options = new DiffOptions(true, List.of("legacy_*", "app.flyway_schema_histor?"));
        SchemaDiff diff = new SchemaDiffer(options).diff(actual, schema(List.of(mapped), List.of()));
        assertEquals(List.of(new Change.DropTable(other), new Change.AddColumn(mapped.name(), SYMBOL)), diff.changes());
        assertEquals(List.of(legacy.name(), flyway.name()), diff.ignoredTables().stream().sorted().toList().stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
