package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.model.ChangeRisk.Level;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: (change, online?, level, lock, rewrites). */
class ChangeRisksTest {

    static final QualifiedName T = QualifiedName.of("public", "orders");
    static final Column NOTE = Column.of("note", "text", true);
    static final Index IX = new Index("ix_note", List.of("note"), false, "btree", null);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Change.DropColumn(T, NOTE), true, Level.DANGER, "ACCESS EXCLUSIVE", false),
                Arguments.of(new Change.AddColumn(T, NOTE), true, Level.SAFE, "ACCESS EXCLUSIVE", false),
                Arguments.of(new Change.AddColumn(T, Column.of("n", "integer", false)), true, Level.CAUTION, "ACCESS EXCLUSIVE", false),
                Arguments.of(new Change.AlterColumnType(T, "note", "character varying(60)", "character varying(40)"), true,
                        Level.CAUTION, "ACCESS EXCLUSIVE", true),
                Arguments.of(new Change.AlterColumnType(T, "note", "character varying(40)", "character varying(60)"), true,
                        Level.SAFE, "ACCESS EXCLUSIVE", false),
                Arguments.of(new Change.AlterColumnType(T, "note", "text", "oid"), true, Level.DANGER, "ACCESS EXCLUSIVE", true),
                Arguments.of(new Change.CreateIndex(T, IX), true, Level.SAFE, "SHARE UPDATE EXCLUSIVE", false),
                Arguments.of(new Change.CreateIndex(T, IX), false, Level.CAUTION, "SHARE", false),
                Arguments.of(new Change.DropIndex(T, IX), true, Level.SAFE, "SHARE UPDATE EXCLUSIVE", false),
                Arguments.of(new Change.AlterColumnNullability(T, "note", false), false, Level.CAUTION, "ACCESS EXCLUSIVE", false),
                Arguments.of(new Change.AddUniqueConstraint(T, new UniqueConstraint("uk", List.of("note"))), true,
                        Level.CAUTION, "SHARE UPDATE EXCLUSIVE", false),
                Arguments.of(new Change.DropTable(Table.of(T, List.of(NOTE), null)), true, Level.DANGER, "ACCESS EXCLUSIVE", false));
    }

    @ParameterizedTest(name = "{0} online={1}: {2}")
    @MethodSource("cases")
    void classifies(Change change, boolean online, Level level, String lock, boolean rewrites) {
        ChangeRisk risk = new ChangeRisks(online, Set.of()).classify(change);
        assertEquals(level, risk.level(), risk.describe());
        assertEquals(lock, risk.lock());
        assertEquals(rewrites, risk.rewrites());
        assertTrue(risk.label().matches("risk:(safe|caution|danger)"));
    }

    @Test
    void everyKindOfChangeHasARule() {
        ChangeRisks risks = new ChangeRisks(true, Set.of());
        Table table = Table.of(T, List.of(NOTE), null);
        Sequence seq = new Sequence(QualifiedName.of("public", "s"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false);
        EnumType type = new EnumType(QualifiedName.of("public", "mood"), List.of("A"), List.of());
        List<Change> all = List.of(new Change.CreateSchema("s"), new Change.CreateTable(table),
                new Change.RenameTable(T, QualifiedName.of("public", "o2")), new Change.RenameColumn(T, "a", "b"),
                new Change.AlterColumnDefault(T, "note", null, "'x'::text"), new Change.AlterColumnIdentity(T, "id", Identity.NONE, Identity.ALWAYS),
                new Change.AddPrimaryKey(T, new PrimaryKey("pk", List.of("note"))), new Change.DropPrimaryKey(T, new PrimaryKey("pk", List.of("note"))),
                new Change.AddCheckConstraint(T, new CheckConstraint("ck", "CHECK (true)")),
                new Change.DropCheckConstraint(T, new CheckConstraint("ck", "CHECK (true)")),
                new Change.CreateSequence(seq), new Change.AlterSequence(seq, seq), new Change.CreateEnumType(type),
                new Change.DropEnumType(type), new Change.AlterEnumType(type, type, List.of()),
                new Change.SetTableComment(T, null, "x"), new Change.SetColumnComment(T, "note", null, "x"));
        all.forEach(risks::classify);
        // the destructive ones (a dropped column or table) are danger whatever their rule
        Set<Class<?>> needRules = new java.util.HashSet<>(Set.of(Change.class.getPermittedSubclasses()));
        needRules.removeAll(Set.of(Change.DropColumn.class, Change.DropTable.class));
        assertEquals(needRules, Set.copyOf(risks.kindsWithRules()), "a new kind of change needs its rule in ChangeRisks");
    }

    @Test
    void everythingOnATableCreatedInTheSameChangelogIsSafe() {
        Table table = Table.of(T, List.of(NOTE), null);
        List<Change> changes = List.of(new Change.CreateTable(table), new Change.CreateIndex(T, IX));
        ChangeRisks risks = ChangeRisks.forChanges(changes, false);
        assertEquals(Level.SAFE, risks.classify(changes.get(1)).level());
    }
}
