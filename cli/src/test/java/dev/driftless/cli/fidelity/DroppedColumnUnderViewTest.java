package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.api.Driftless;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column the model no longer maps, still selected by a view the database keeps: PostgreSQL will refuse the drop, and
 * the view cannot be re-created around it. diff says so, naming the view and what to do, before anything is applied.
 */
class DroppedColumnUnderViewTest {

    @Test
    void aDroppedColumnAViewUsesIsSaidAtDiffTime(@TempDir Path work) {
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.execute("CREATE TABLE account (id bigint PRIMARY KEY, name varchar(100), legacy_code varchar(10));"
                    + " CREATE VIEW account_codes AS SELECT id, legacy_code FROM account");
            project.model(Fixture.ROOT.resolve("legacy/dropped-under-view"), "model");
            Driftless.DiffResult diff = project.diff("drop");
            assertEquals(List.of("view public.account_codes uses public.account.legacy_code, so dropping the column will"
                    + " fail: drop the view, or re-create it without the column, in a changeset of your own before this"
                    + " one (driftless new)"), diff.dataProblems());
        }
    }
}
