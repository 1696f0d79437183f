package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: (name, options, actual, desired, expected changes, expected kept objects). Indexes, constraints and
 * columns only the database has are kept unless asked, never when ignored; a unique index and a unique constraint on
 * the same columns satisfy each other.
 */
class UnmappedObjectsTest {

    static final QualifiedName MEMBER = QualifiedName.of("public", "member");
    static final Column ID = Column.of("id", "bigint", false);
    static final Column EMAIL = Column.of("email", "character varying(100)", false);
    static final Column LEGACY = Column.of("legacy_flag", "boolean", true);
    static final PrimaryKey PK = new PrimaryKey("member_pkey", List.of("id"));
    static final Index UNIQUE_EMAIL = new Index("member_email_uix", List.of("email"), true, "btree", null);
    static final Index PARTIAL_EMAIL = new Index("member_email_uix", List.of("email"), true, "btree", "(id > 0)");
    static final Index BY_EMAIL = new Index("ix_member_email", List.of("email"), false, "btree", null);
    static final UniqueConstraint UC_EMAIL = new UniqueConstraint("uk_member_email", List.of("email"));
    static final CheckConstraint POSITIVE = new CheckConstraint("member_id_check", "CHECK ((id > 0))");

    static Table member(Column... columns) {
        return Table.of(MEMBER, List.of(columns), PK);
    }

    static Schema schema(Table table) {
        return new Schema(List.of("public"), List.of(table), List.of());
    }

    static final DiffOptions DEFAULTS = DiffOptions.defaults();

    static Stream<Arguments> cases() {
        KeptObject keptIndex = new KeptObject("index", MEMBER, "ix_member_email", KeptObject.UNMAPPED);
        return Stream.of(
                Arguments.of("an index only the database has is kept and reported", DEFAULTS,
                        member(ID, EMAIL).withIndexes(List.of(BY_EMAIL)), member(ID, EMAIL),
                        List.of(), List.of(keptIndex)),
                Arguments.of("--drop-unmapped drops it", new DiffOptions(true),
                        member(ID, EMAIL).withIndexes(List.of(BY_EMAIL)), member(ID, EMAIL),
                        List.of(new Change.DropIndex(MEMBER, BY_EMAIL)), List.of()),
                Arguments.of("the narrower index flag drops it", new DiffOptions(false, List.of(), true, false, List.of()),
                        member(ID, EMAIL).withIndexes(List.of(BY_EMAIL)), member(ID, EMAIL),
                        List.of(new Change.DropIndex(MEMBER, BY_EMAIL)), List.of()),
                Arguments.of("an ignore rule keeps it even with --drop-unmapped", new DiffOptions(true, List.of("ix_member_*")),
                        member(ID, EMAIL).withIndexes(List.of(BY_EMAIL)), member(ID, EMAIL),
                        List.of(), List.of(new KeptObject("index", MEMBER, "ix_member_email", KeptObject.IGNORED))),
                Arguments.of("a unique constraint only the database has is kept", DEFAULTS,
                        member(ID, EMAIL).withUniqueConstraints(List.of(UC_EMAIL)), member(ID, EMAIL),
                        List.of(), List.of(new KeptObject("unique constraint", MEMBER, "uk_member_email", KeptObject.UNMAPPED))),
                Arguments.of("the constraint flag drops it", new DiffOptions(false, List.of(), false, true, List.of()),
                        member(ID, EMAIL).withUniqueConstraints(List.of(UC_EMAIL)), member(ID, EMAIL),
                        List.of(new Change.DropUniqueConstraint(MEMBER, UC_EMAIL)), List.of()),
                Arguments.of("a check only the database has is kept", DEFAULTS,
                        member(ID, EMAIL).withChecks(List.of(POSITIVE)), member(ID, EMAIL),
                        List.of(), List.of(new KeptObject("check constraint", MEMBER, "member_id_check", KeptObject.UNMAPPED))),
                Arguments.of("a unique index satisfies the model's unique constraint", DEFAULTS,
                        member(ID, EMAIL).withIndexes(List.of(UNIQUE_EMAIL)),
                        member(ID, EMAIL).withUniqueConstraints(List.of(UC_EMAIL)), List.of(), List.of()),
                Arguments.of("and a unique constraint satisfies the model's unique index", DEFAULTS,
                        member(ID, EMAIL).withUniqueConstraints(List.of(UC_EMAIL)),
                        member(ID, EMAIL).withIndexes(List.of(UNIQUE_EMAIL)), List.of(), List.of()),
                Arguments.of("a partial unique index does not: the constraint is added, the index kept", DEFAULTS,
                        member(ID, EMAIL).withIndexes(List.of(PARTIAL_EMAIL)),
                        member(ID, EMAIL).withUniqueConstraints(List.of(UC_EMAIL)),
                        List.of(new Change.AddUniqueConstraint(MEMBER, UC_EMAIL)),
                        List.of(new KeptObject("index", MEMBER, "member_email_uix", KeptObject.UNMAPPED))),
                Arguments.of("an index the model declares under the same name is replaced", DEFAULTS,
                        member(ID, EMAIL).withIndexes(List.of(BY_EMAIL)),
                        member(ID, EMAIL).withIndexes(List.of(new Index("ix_member_email", List.of("email DESC"), false, "btree", null))),
                        List.of(new Change.DropIndex(MEMBER, BY_EMAIL),
                                new Change.CreateIndex(MEMBER, new Index("ix_member_email", List.of("email DESC"), false, "btree", null))),
                        List.of()),
                Arguments.of("a column only the database has is still dropped", DEFAULTS,
                        member(ID, EMAIL, LEGACY), member(ID, EMAIL),
                        List.of(new Change.DropColumn(MEMBER, LEGACY)), List.of()),
                Arguments.of("but never when an ignore rule names it", new DiffOptions(false, List.of(), false, false, List.of("member.legacy_*")),
                        member(ID, EMAIL, LEGACY), member(ID, EMAIL),
                        List.of(), List.of(new KeptObject("column", MEMBER, "legacy_flag", KeptObject.IGNORED))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void diff(String name, DiffOptions options, Table actual, Table desired, List<Change> expected, List<KeptObject> kept) {
        SchemaDiff diff = new SchemaDiffer(options).diff(schema(actual), schema(desired));
        assertEquals(expected, diff.changes());
        assertEquals(kept, diff.kept());
    }
}
