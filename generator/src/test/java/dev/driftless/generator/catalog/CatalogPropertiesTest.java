package dev.driftless.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.driftless.generator.render.SqlRenderer;
import dev.driftless.model.Change;
import dev.driftless.model.Deferrability;
import dev.driftless.model.ExclusionConstraint;
import dev.driftless.model.ForeignKey;
import dev.driftless.model.Index;
import dev.driftless.model.PrimaryKey;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.ReferentialAction;
import dev.driftless.model.Schema;
import dev.driftless.model.Sequence;
import dev.driftless.model.SequenceOwner;
import dev.driftless.model.Table;
import dev.driftless.model.UniqueConstraint;
import dev.driftless.model.UnownedObject;
import dev.driftless.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The properties a JPA model cannot state, on a real PostgreSQL: read exactly by the introspector, and re-created
 * exactly by what the renderer writes for the reverse of a drop (the rollback of a dropped table, key or index).
 */
class CatalogPropertiesTest {

    private static final QualifiedName TEAM = QualifiedName.of("public", "team");
    private static final QualifiedName MEMBER = QualifiedName.of("public", "member");

    private static final String SETUP = """
            CREATE TABLE tag (id bigint, CONSTRAINT tag_pkey PRIMARY KEY (id) DEFERRABLE);
            CREATE TABLE team (id bigint PRIMARY KEY, code text,
                               CONSTRAINT team_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED);
            CREATE TABLE member (id bigint PRIMARY KEY, team_id bigint, email text,
                                 CONSTRAINT member_team_fk FOREIGN KEY (team_id) REFERENCES team (id)
                                     ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                                 CONSTRAINT member_email_key UNIQUE (email));
            ALTER TABLE member ADD COLUMN nick text, ADD COLUMN "Joined At" date,
                ADD CONSTRAINT member_nick_key UNIQUE NULLS NOT DISTINCT (nick) INCLUDE ("Joined At", email);
            CREATE INDEX member_team_cover ON member (team_id DESC) INCLUDE (email, "Joined At") WHERE team_id > 0;
            CREATE UNIQUE INDEX member_one_null ON member (lower(nick)) NULLS NOT DISTINCT;
            CREATE COLLATION public."Case Blind" FROM "C";
            CREATE TABLE label (id int PRIMARY KEY, code varchar(20) COLLATE "C" NOT NULL DEFAULT 'x',
                                name text COLLATE public."Case Blind", tags text[] COLLATE "POSIX", plain text,
                                CONSTRAINT label_code_excl EXCLUDE USING btree (code WITH =) WHERE (id > 0) DEFERRABLE);
            ALTER TABLE label ADD CONSTRAINT "Label Name Excl" EXCLUDE USING hash (name WITH =);
            CREATE SEQUENCE label_ticket_seq OWNED BY label.id;
            CREATE FUNCTION touch_label() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.plain := 'seen'; RETURN NEW; END $$;
            CREATE TRIGGER label_touched BEFORE INSERT OR UPDATE ON label FOR EACH ROW EXECUTE FUNCTION touch_label();
            CREATE VIEW member_emails AS SELECT m.id, m.email, t.code FROM member m JOIN team t ON t.id = m.team_id;
            CREATE VIEW "Team Codes" AS SELECT code FROM member_emails;
            CREATE MATERIALIZED VIEW label_counts AS SELECT code, count(*) AS n FROM label GROUP BY code;
            """;

    @Test
    void readsDeferrability() throws SQLException {
        Schema schema = read(SETUP);
        Table team = schema.table(TEAM).orElseThrow();
        Table member = schema.table(MEMBER).orElseThrow();
        assertEquals(new PrimaryKey("tag_pkey", List.of("id"), Deferrability.DEFERRABLE),
                schema.table(QualifiedName.of("public", "tag")).orElseThrow().primaryKey());
        assertEquals(new PrimaryKey("team_pkey", List.of("id")), team.primaryKey());
        assertEquals(List.of(new UniqueConstraint("team_code_key", List.of("code"), Deferrability.INITIALLY_DEFERRED)),
                team.uniqueConstraints());
        assertEquals(List.of(new ForeignKey("member_team_fk", List.of("team_id"), TEAM, List.of("id"),
                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, Deferrability.INITIALLY_DEFERRED)), member.foreignKeys());
        assertEquals(List.of(new UniqueConstraint("member_email_key", List.of("email"), Deferrability.NOT_DEFERRABLE),
                        new UniqueConstraint("member_nick_key", List.of("nick"), Deferrability.NOT_DEFERRABLE,
                                List.of("Joined At", "email"), true)),
                member.uniqueConstraints());
    }

    @Test
    void readsIncludeColumnsAndNullsNotDistinct() throws SQLException {
        Table member = read(SETUP).table(MEMBER).orElseThrow();
        assertEquals(List.of(new Index("member_one_null", List.of("lower(nick)"), true, "btree", null, List.of(), true),
                        new Index("member_team_cover", List.of("team_id DESC"), false, "btree", "(team_id > 0)",
                                List.of("email", "\"Joined At\""), false)),
                member.indexes());
    }

    @Test
    void readsCollationsOtherThanTheDefault() throws SQLException {
        Table label = read(SETUP).table(QualifiedName.of("public", "label")).orElseThrow();
        assertEquals(java.util.Arrays.asList(null, "pg_catalog.\"C\"", "public.\"Case Blind\"", "pg_catalog.\"POSIX\"", null),
                label.columns().stream().map(c -> c.collation()).toList());
    }

    @Test
    void readsExclusionConstraints() throws SQLException {
        Table label = read(SETUP).table(QualifiedName.of("public", "label")).orElseThrow();
        assertEquals(List.of(new ExclusionConstraint("Label Name Excl", "EXCLUDE USING hash (name WITH =)"),
                        new ExclusionConstraint("label_code_excl", "EXCLUDE USING btree (code WITH =) WHERE ((id > 0)) DEFERRABLE")),
                label.exclusions());
        assertEquals(List.of(), label.indexes(), "the indexes of exclusion constraints are theirs");
    }

    @Test
    void readsViewsFunctionsAndTriggersAsObjectsNoEntityMaps() throws SQLException {
        List<UnownedObject> unowned = read(SETUP).unowned();
        assertEquals(List.of("function public.touch_label()", "trigger public.label_touched on public.label",
                        "view public.member_emails", "view public.Team Codes", "materialized view public.label_counts"),
                unowned.stream().map(UnownedObject::describe).toList(), "in creation order");
        UnownedObject view = unowned.get(2);
        assertEquals(List.of("public.member", "public.team"), view.dependsOn());
        assertEquals("CREATE VIEW public.member_emails AS\n SELECT m.id,\n    m.email,\n    t.code\n   FROM public.member m\n"
                + "     JOIN public.team t ON t.id = m.team_id", view.definition());
        assertEquals(List.of("public.member_emails"), unowned.get(3).dependsOn());
        assertEquals(List.of("public.label"), unowned.get(1).dependsOn());
        assertEquals("CREATE TRIGGER label_touched BEFORE INSERT OR UPDATE ON public.label FOR EACH ROW"
                        + " EXECUTE FUNCTION public.touch_label()",
                unowned.get(1).definition());
    }

    @Test
    void readsTheColumnThatOwnsASequence() throws SQLException {
        Schema schema = read(SETUP);
        assertEquals(List.of(new Sequence(QualifiedName.of("public", "label_ticket_seq"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1,
                false, new SequenceOwner(QualifiedName.of("public", "label"), "id"))), schema.sequences());
    }

    /**
     * check proves a rollback exact by digests of what a changeset touched: each property changed by hand changes the
     * digest of its table, and changing it back restores it.
     */
    @Test
    void everyPropertyTakesPartInTheDigests() throws SQLException {
        String[][] alterations = {
                {"ALTER TABLE member ALTER CONSTRAINT member_team_fk NOT DEFERRABLE",
                        "ALTER TABLE member ALTER CONSTRAINT member_team_fk DEFERRABLE INITIALLY DEFERRED"},
                {"ALTER TABLE member DROP CONSTRAINT member_nick_key, ADD CONSTRAINT member_nick_key UNIQUE (nick)",
                        "ALTER TABLE member DROP CONSTRAINT member_nick_key, ADD CONSTRAINT member_nick_key"
                                + " UNIQUE NULLS NOT DISTINCT (nick) INCLUDE (\"Joined At\", email)"},
                {"DROP INDEX member_one_null; CREATE UNIQUE INDEX member_one_null ON member (lower(nick))",
                        "DROP INDEX member_one_null; CREATE UNIQUE INDEX member_one_null ON member (lower(nick)) NULLS NOT DISTINCT"},
                {"DROP INDEX member_team_cover; CREATE INDEX member_team_cover ON member (team_id DESC) INCLUDE (email)"
                        + " WHERE team_id > 0",
                        "DROP INDEX member_team_cover; CREATE INDEX member_team_cover ON member (team_id DESC)"
                                + " INCLUDE (email, \"Joined At\") WHERE team_id > 0"},
                {"ALTER TABLE member ALTER COLUMN nick TYPE text COLLATE \"C\"", "ALTER TABLE member ALTER COLUMN nick TYPE text"},
                {"ALTER TABLE member ADD CONSTRAINT x EXCLUDE USING btree (nick WITH =)", "ALTER TABLE member DROP CONSTRAINT x"}};
        String[][] sequenceAlterations = {{"ALTER SEQUENCE label_ticket_seq OWNED BY NONE", "ALTER SEQUENCE label_ticket_seq OWNED BY label.id"}};
        try (Connection connection = TestPostgres.freshDatabase().connect()) {
            execute(connection, SETUP);
            CatalogChanges changes = CatalogChanges.install(connection, false);
            CatalogChanges.Key member = new CatalogChanges.Key("table", "public", "member");
            String start = digest(changes.everything(), member);
            for (String[] alteration : alterations) {
                execute(connection, alteration[0]);
                assertNotEquals(start, digest(changes.touched(), member), alteration[0]);
                execute(connection, alteration[1]);
                assertEquals(start, digest(changes.touched(), member), alteration[1]);
            }
            CatalogChanges.Key sequence = new CatalogChanges.Key("sequence", "public", "label_ticket_seq");
            String sequenceStart = digest(changes.everything(), sequence);
            for (String[] alteration : sequenceAlterations) {
                execute(connection, alteration[0]);
                assertNotEquals(sequenceStart, digest(changes.touched(), sequence), alteration[0]);
                execute(connection, alteration[1]);
                assertEquals(sequenceStart, digest(changes.touched(), sequence), alteration[1]);
            }
        }
    }

    private static String digest(CatalogChanges.Touched touched, CatalogChanges.Key key) {
        return touched.states().stream().filter(s -> s.key().equals(key)).map(CatalogChanges.State::digest)
                .findFirst().orElseThrow(() -> new AssertionError(key + " not touched: " + touched.states()));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** What the rollback of dropping every table (and so every key and index on it) runs re-creates the same catalog. */
    @Test
    void theReverseOfEveryDropRecreatesItExactly() throws SQLException {
        Schema original = read(SETUP);
        // collations are no tables' own: they stay, as the dropped tables' rollback finds them
        assertEquals(original, read("CREATE COLLATION public.\"Case Blind\" FROM \"C\";\n" + reverseOfDroppingEverything(original)));
    }

    /** The statements that undo dropping every table of {@code schema}: tables first, then their keys and indexes. */
    static String reverseOfDroppingEverything(Schema schema) {
        SqlRenderer renderer = new SqlRenderer();
        List<String> statements = new ArrayList<>();
        for (Table table : schema.tables()) {
            statements.add(renderer.render(new Change.DropTable(table.withoutForeignKeysAndIndexes()).reverse()));
        }
        for (Table table : schema.tables()) {
            table.indexes().forEach(ix -> statements.add(renderer.render(new Change.DropIndex(table.name(), ix).reverse())));
            table.foreignKeys().forEach(fk -> statements.add(renderer.render(new Change.DropForeignKey(table.name(), fk).reverse())));
        }
        schema.sequences().forEach(s -> statements.add(renderer.render(new Change.DropSequence(s).reverse())));
        schema.sequences().stream().filter(s -> s.ownedBy() != null)
                .forEach(s -> statements.add(renderer.render(new Change.DisownSequence(s.name(), s.ownedBy()).reverse())));
        schema.unowned().forEach(o -> statements.add(renderer.render(new Change.DropUnowned(o).reverse())));
        return String.join("\n", statements);
    }

    static Schema read(String sql) throws SQLException {
        try (Connection connection = TestPostgres.freshDatabase().connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return new CatalogIntrospector().read(connection);
        }
    }
}
