package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.model.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose ids a {@code bigserial} made, mapped by an entity with {@code GenerationType.IDENTITY}: the diff turns
 * the column into an identity column, and the identity must go on after the ids already there. PostgreSQL starts a
 * new identity at 1, so without more the application's next insert fails on a duplicate key.
 */
class LegacyIdentityTest {

    @Test
    void anIdentityAddedToAColumnWithRowsStartsAfterItsIds(@TempDir Path work) throws Exception {
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.execute("CREATE TABLE account (id bigserial PRIMARY KEY, name varchar(100));"
                    + " INSERT INTO account (name) VALUES ('a'), ('b'), ('c'); INSERT INTO account (id, name) VALUES (120, 'x')");
            project.model(Fixture.ROOT.resolve("legacy/serial-to-identity"), "identity");

            Driftless.DiffResult diff = project.diff("identity");
            assertTrue(diff.changes().stream().anyMatch(c -> c instanceof Change.AlterColumnIdentity), diff.changes()::toString);
            String sql = Files.readString(diff.written().file());
            assertTrue(sql.contains("starting after the ids already there"), sql);
            project.apply();

            assertEquals(List.of(List.of("121")), project.rows("INSERT INTO account (name) VALUES ('new') RETURNING id"));
            assertEquals(List.of(List.of("5")), project.rows("SELECT count(*) FROM account"), "the rows are kept");
            assertEquals(List.of(), project.diff("again").changes(), "the column is what the entity maps");

            project.execute("DELETE FROM account WHERE name = 'new'");
            project.rollback(diff.written().changeSets().size());
            assertEquals(List.of(List.of("4")), project.rows("SELECT count(*) FROM account"));
        }
    }

    @Test
    void anIdentityAddedToAnEmptyTableStartsAtOne(@TempDir Path work) throws Exception {
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.execute("CREATE TABLE account (id bigserial PRIMARY KEY, name varchar(100))");
            project.model(Fixture.ROOT.resolve("legacy/serial-to-identity"), "identity");
            project.diff("identity");
            project.apply();
            assertEquals(List.of(List.of("1")), project.rows("INSERT INTO account (name) VALUES ('first') RETURNING id"));
        }
    }
}
