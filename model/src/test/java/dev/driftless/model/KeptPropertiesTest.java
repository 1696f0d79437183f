package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: properties a JPA model cannot state, each case (name, actual, desired, expected changes, expected kept
 * properties). The database's side is kept: never a change, always reported.
 */
class KeptPropertiesTest {

    static final QualifiedName T = QualifiedName.of("public", "member");
    static final QualifiedName P = QualifiedName.of("public", "team");
    static final Column ID = Column.of("id", "bigint", false);
    static final Column EMAIL = Column.of("email", "character varying(100)", true);
    static final Column TEAM = Column.of("team_id", "bigint", true);
    static final PrimaryKey PK = new PrimaryKey("member_pkey", List.of("id"));
    static final UniqueConstraint BY_EMAIL = new UniqueConstraint("member_email_key", List.of("email"));
    static final ForeignKey TO_TEAM = new ForeignKey("member_team_fk", List.of("team_id"), P, List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
    static final Index BY_EMAIL_INDEX = new Index("ix_email", List.of("email"), false, "btree", null);
    static final ExclusionConstraint EXCLUDE = new ExclusionConstraint("member_email_excl",
            "EXCLUDE USING btree (email WITH =) DEFERRABLE");
    static final Table TEAM_TABLE = Table.of(P, List.of(ID), new PrimaryKey("team_pkey", List.of("id")));

    static Table member(PrimaryKey pk, List<UniqueConstraint> uniques, List<ForeignKey> keys) {
        return Table.of(T, List.of(ID, EMAIL, TEAM), pk).withUniqueConstraints(uniques).withForeignKeys(keys);
    }

    static Schema schema(Table table) {
        return new Schema(List.of("public"), List.of(TEAM_TABLE, table), List.of());
    }

    static Stream<Arguments> cases() {
        UniqueConstraint deferred = new UniqueConstraint("member_email_key", List.of("email"), Deferrability.INITIALLY_DEFERRED);
        ForeignKey deferrableFk = new ForeignKey("fk_x", List.of("team_id"), P, List.of("id"),
                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, Deferrability.DEFERRABLE);
        PrimaryKey deferrablePk = new PrimaryKey("member_pkey", List.of("id"), Deferrability.DEFERRABLE);
        return Stream.of(
                Arguments.of("same deferrability: nothing", schema(member(PK, List.of(deferred), List.of())),
                        schema(member(PK, List.of(deferred.withColumns(List.of("email"))), List.of())), List.of(), List.of()),
                Arguments.of("deferrable unique constraint in the database only: kept, reported",
                        schema(member(PK, List.of(deferred), List.of())), schema(member(PK, List.of(BY_EMAIL), List.of())),
                        List.of(), List.of(new KeptProperty("deferrable", T, "unique constraint member_email_key [email]",
                                "DEFERRABLE INITIALLY DEFERRED", "NOT DEFERRABLE"))),
                Arguments.of("deferrable foreign key under another name: kept, reported",
                        schema(member(PK, List.of(), List.of(deferrableFk))), schema(member(PK, List.of(), List.of(TO_TEAM))),
                        List.of(), List.of(new KeptProperty("deferrable", T, "foreign key fk_x [team_id] → public.team[id]",
                                "DEFERRABLE", "NOT DEFERRABLE"))),
                Arguments.of("deferrable primary key: kept, reported",
                        schema(member(deferrablePk, List.of(), List.of())), schema(member(PK, List.of(), List.of())),
                        List.of(), List.of(new KeptProperty("deferrable", T, "primary key member_pkey", "DEFERRABLE",
                                "NOT DEFERRABLE"))),
                Arguments.of("INCLUDE and NULLS NOT DISTINCT on a unique constraint: kept, reported",
                        schema(member(PK, List.of(new UniqueConstraint("member_email_key", List.of("email"),
                                Deferrability.NOT_DEFERRABLE, List.of("team_id"), true)), List.of())),
                        schema(member(PK, List.of(BY_EMAIL), List.of())), List.of(),
                        List.of(new KeptProperty("include", T, "unique constraint member_email_key [email]",
                                        "INCLUDE (team_id)", "no INCLUDE"),
                                new KeptProperty("nulls_not_distinct", T, "unique constraint member_email_key [email]",
                                        "NULLS NOT DISTINCT", "NULLS DISTINCT"))),
                Arguments.of("a covering index under another name: kept, reported",
                        schema(member(PK, List.of(), List.of()).withIndexes(List.of(new Index("cover", List.of("email"), false,
                                "btree", null, List.of("team_id", "id"), false)))),
                        schema(member(PK, List.of(), List.of()).withIndexes(List.of(BY_EMAIL_INDEX))), List.of(),
                        List.of(new KeptProperty("include", T, "index cover (email)", "INCLUDE (team_id, id)", "no INCLUDE"))),
                Arguments.of("a unique index whose nulls are not distinct: kept, reported",
                        schema(member(PK, List.of(), List.of()).withIndexes(List.of(new Index("one_null", List.of("email"), true,
                                "btree", null, List.of(), true)))),
                        schema(member(PK, List.of(), List.of()).withIndexes(List.of(new Index("ix", List.of("email"), true,
                                "btree", null)))), List.of(),
                        List.of(new KeptProperty("nulls_not_distinct", T, "index one_null (email)", "NULLS NOT DISTINCT",
                                "NULLS DISTINCT"))),
                Arguments.of("an index on other keys is no match: the database's goes whole, INCLUDE and all",
                        schema(member(PK, List.of(), List.of()).withIndexes(List.of(new Index("cover", List.of("team_id"), false,
                                "btree", null, List.of("email"), false)))),
                        schema(member(PK, List.of(), List.of()).withIndexes(List.of(BY_EMAIL_INDEX))),
                        List.of(new Change.DropIndex(T, new Index("cover", List.of("team_id"), false, "btree", null,
                                        List.of("email"), false)),
                                new Change.CreateIndex(T, BY_EMAIL_INDEX)),
                        List.of()),
                Arguments.of("a column collated by hand: kept, reported",
                        schema(Table.of(T, List.of(ID, EMAIL.withCollation("pg_catalog.\"C\""), TEAM), PK)),
                        schema(member(PK, List.of(), List.of())), List.of(),
                        List.of(new KeptProperty("collation", T, "column email", "COLLATE pg_catalog.\"C\"",
                                "the default collation"))),
                Arguments.of("a collated column retyped: the type changes, the collation stays, both ways",
                        schema(Table.of(T, List.of(ID, EMAIL.withCollation("pg_catalog.\"C\""), TEAM), PK)),
                        schema(Table.of(T, List.of(ID, EMAIL.withType("text"), TEAM), PK)),
                        List.of(new Change.AlterColumnType(T, "email", "character varying(100)", "text", List.of(),
                                "pg_catalog.\"C\"")),
                        List.of(new KeptProperty("collation", T, "column email", "COLLATE pg_catalog.\"C\"",
                                "the default collation"))),
                Arguments.of("the same exclusion constraint under another name: nothing",
                        schema(member(PK, List.of(), List.of()).withExclusions(List.of(EXCLUDE))),
                        schema(member(PK, List.of(), List.of()).withExclusions(List.of(
                                new ExclusionConstraint("other", EXCLUDE.definition())))), List.of(), List.of()),
                Arguments.of("an exclusion constraint in the database only, unmapped ones dropped: dropped whole",
                        schema(member(PK, List.of(), List.of()).withExclusions(List.of(EXCLUDE))),
                        schema(member(PK, List.of(), List.of())),
                        List.of(new Change.DropExclusionConstraint(T, EXCLUDE)), List.of()),
                Arguments.of("a deferrable key on other columns is no match: replaced, nothing kept",
                        schema(member(PK, List.of(deferred), List.of())),
                        schema(member(PK, List.of(new UniqueConstraint("member_team_key", List.of("team_id"))), List.of())),
                        List.of(new Change.DropUniqueConstraint(T, deferred),
                                new Change.AddUniqueConstraint(T, new UniqueConstraint("member_team_key", List.of("team_id")))),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keptNotChanged(String name, Schema actual, Schema desired, List<Change> changes, List<KeptProperty> kept) {
        SchemaDiff diff = new SchemaDiffer(new DiffOptions(true)).diff(actual, desired);
        assertEquals(changes, diff.changes(), name);
        assertEquals(kept, diff.keptProperties(), name);
    }

    @Test
    void anExclusionConstraintIsKeptByDefaultAndComesBackWholeAfterADrop() {
        Schema actual = schema(member(PK, List.of(), List.of()).withExclusions(List.of(EXCLUDE)));
        SchemaDiff diff = new SchemaDiffer().diff(actual, schema(member(PK, List.of(), List.of())));
        assertEquals(List.of(), diff.changes());
        assertEquals(List.of(new KeptObject("exclusion constraint", T, "member_email_excl", KeptObject.UNMAPPED)), diff.kept());
        assertEquals(new Change.AddExclusionConstraint(T, EXCLUDE), new Change.DropExclusionConstraint(T, EXCLUDE).reverse());
        Table dropped = member(PK, List.of(), List.of()).withExclusions(List.of(EXCLUDE));
        assertEquals(List.of(EXCLUDE), ((Change.CreateTable) new Change.DropTable(dropped).reverse()).definition().exclusions());
    }

    @Test
    void anOwnedSequenceKeepsItsOwnerAndOutlivesAColumnThatGoes() {
        SequenceOwner owner = new SequenceOwner(T, "team_id");
        Sequence owned = new Sequence(QualifiedName.of("public", "member_team_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, owner);
        Table withTeam = member(PK, List.of(), List.of());
        Table withoutTeam = Table.of(T, List.of(ID, EMAIL), PK);
        Schema actual = new Schema(List.of("public"), List.of(TEAM_TABLE, withTeam), List.of(owned));

        SchemaDiff mapped = new SchemaDiffer().diff(actual,
                new Schema(List.of("public"), List.of(TEAM_TABLE, withTeam), List.of(owned.withOwner(null))));
        assertEquals(List.of(), mapped.changes(), "ownership is no change");
        assertEquals(List.of(new KeptProperty("owned_by", null, "sequence public.member_team_seq", "OWNED BY public.member.team_id",
                "OWNED BY NONE")), mapped.keptProperties());

        SchemaDiff columnGoes = new SchemaDiffer().diff(actual,
                new Schema(List.of("public"), List.of(TEAM_TABLE, withoutTeam), List.of()));
        assertEquals(List.of(new Change.DisownSequence(owned.name(), owner), new Change.DropColumn(T, TEAM)),
                columnGoes.changes(), "the sequence stays (unmapped): its owner lets go of it first");

        SchemaDiff sequenceGoes = new SchemaDiffer(new DiffOptions(true)).diff(actual,
                new Schema(List.of("public"), List.of(TEAM_TABLE, withTeam), List.of()));
        assertEquals(List.of(new Change.DisownSequence(owned.name(), owner), new Change.DropSequence(owned)),
                sequenceGoes.changes());
        assertEquals(new Change.OwnSequence(owned.name(), owner), sequenceGoes.changes().get(0).reverse());

        SchemaDiff created = new SchemaDiffer().diff(new Schema(List.of("public"), List.of(TEAM_TABLE), List.of()), actual);
        List<Change> order = created.changes();
        assertEquals(List.of(new Change.CreateSequence(owned), new Change.CreateTable(withTeam),
                new Change.OwnSequence(owned.name(), owner)), order, "owned once both exist");
    }

    @Test
    void aRetypedColumnKeepsItsCollationOnTheWayBack() {
        Change retype = new Change.AlterColumnType(T, "email", "character varying(100)", "text", List.of(), "pg_catalog.\"C\"");
        assertEquals(new Change.AlterColumnType(T, "email", "text", "character varying(100)", List.of(), "pg_catalog.\"C\""),
                retype.reverse());
    }

    @Test
    void aDroppedKeyComesBackAsDeferrableAsItWas() {
        UniqueConstraint deferred = new UniqueConstraint("member_email_key", List.of("email"), Deferrability.INITIALLY_DEFERRED);
        Change drop = new Change.DropUniqueConstraint(T, deferred);
        assertEquals(new Change.AddUniqueConstraint(T, deferred), drop.reverse());
    }
}
