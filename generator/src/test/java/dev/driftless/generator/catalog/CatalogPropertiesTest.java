package dev.driftless.generator.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.generator.render.SqlRenderer;
import dev.driftless.model.Change;
import dev.driftless.model.Deferrability;
import dev.driftless.model.ForeignKey;
import dev.driftless.model.PrimaryKey;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.ReferentialAction;
import dev.driftless.model.Schema;
import dev.driftless.model.Table;
import dev.driftless.model.UniqueConstraint;
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
        assertEquals(List.of(new UniqueConstraint("member_email_key", List.of("email"), Deferrability.NOT_DEFERRABLE)),
                member.uniqueConstraints());
    }

    /** What the rollback of dropping every table (and so every key and index on it) runs re-creates the same catalog. */
    @Test
    void theReverseOfEveryDropRecreatesItExactly() throws SQLException {
        Schema original = read(SETUP);
        assertEquals(original, read(reverseOfDroppingEverything(original)));
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
