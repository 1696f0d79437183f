package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.api.Gate;
import dev.driftless.generator.findings.Finding;
import dev.driftless.generator.findings.Origin;
import dev.driftless.model.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a JPA model cannot state but a database holds (deferrable keys, INCLUDE columns, NULLS NOT DISTINCT,
 * collations, exclusion constraints, sequence ownership;
 * views, functions and triggers), on the real embedded PostgreSQL, through
 * the facade as a user would: a database built by the model and then by hand is baselined, {@code check} replays the
 * baseline green, {@code validate} agrees with it and reports a hand change made afterwards; then an entity change
 * that changes the schema around those objects (a retyped column, a new one, a dropped table) is diffed, applied and
 * rolled back, and the catalog is the one from the start, every property included.
 */
class CatalogPropertiesRoundTripTest {

    private static final Path FIXTURE = Fixture.ROOT.resolve("catalog/around");

    /** Made by hand after the model's own DDL: each is something the entities cannot say. */
    private static final String BY_HAND = """
            ALTER TABLE account DROP CONSTRAINT account_code_key;
            ALTER TABLE account ADD CONSTRAINT account_code_key UNIQUE NULLS NOT DISTINCT (code) INCLUDE (name)
                DEFERRABLE INITIALLY DEFERRED;
            ALTER SEQUENCE ledger_seq OWNED BY ledger.id;
            ALTER TABLE account ALTER COLUMN name TYPE varchar(100) COLLATE "C";
            ALTER TABLE account ADD CONSTRAINT account_code_excl EXCLUDE USING btree (code WITH =) WHERE (id > 0);
            ALTER TABLE transfer ADD CONSTRAINT transfer_reference_excl EXCLUDE USING hash (reference WITH =);
            CREATE FUNCTION upper_code() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.code := upper(NEW.code); RETURN NEW; END $$;
            CREATE TRIGGER account_upper_code BEFORE INSERT OR UPDATE OF code ON account
                FOR EACH ROW EXECUTE FUNCTION upper_code();
            CREATE VIEW account_codes AS SELECT id, code FROM account WHERE code IS NOT NULL;
            CREATE VIEW transfer_totals AS SELECT t.account_id, a.code, sum(t.amount) AS total
                FROM transfer t JOIN account_codes a ON a.id = t.account_id GROUP BY t.account_id, a.code;
            ALTER TABLE transfer ALTER COLUMN reference TYPE varchar(40) COLLATE "POSIX";
            DROP INDEX account_name_idx;
            CREATE INDEX account_name_idx ON account (name) INCLUDE (code);
            DROP INDEX transfer_account_idx;
            CREATE INDEX transfer_account_idx ON transfer (account_id) INCLUDE (amount, reference);
            ALTER TABLE ledger DROP CONSTRAINT ledger_reference_idx,
                ADD CONSTRAINT ledger_reference_idx UNIQUE NULLS NOT DISTINCT (reference);
            ALTER TABLE transfer ALTER CONSTRAINT transfer_account_fk DEFERRABLE;
            ALTER TABLE ledger DROP CONSTRAINT ledger_pkey, ADD CONSTRAINT ledger_pkey PRIMARY KEY (id) DEFERRABLE;
            """;

    @Test
    void baselinedCheckedValidatedChangedAroundAndRolledBackToTheSameCatalog(@TempDir Path work) {
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.model(FIXTURE.resolve("before"), "before");
            assertNotNull(project.diff("model").written());
            project.apply();
            project.execute(BY_HAND);
            forgetTheHistory(project);

            Driftless.BaselineResult baseline = project.driftless().baseline("baseline");
            assertNotNull(baseline.written());
            assertTrue(baseline.written().changeSets().stream().anyMatch(c -> c.sql().contains("CREATE VIEW public.transfer_totals")),
                    "the baseline re-creates the views from their definitions");
            Gate.CheckResult check = project.driftless().check();
            assertTrue(check.passes(), () -> "check after baseline: " + check.problems() + " " + check.modelChanges());
            Gate.ValidateResult agreed = project.driftless().validateWithResult();
            assertEquals(List.of(), describe(agreed.findings()), "the baseline states every deferrable key");

            project.execute("ALTER TABLE transfer ALTER CONSTRAINT transfer_account_fk NOT DEFERRABLE;"
                    + " ALTER TABLE ledger DROP CONSTRAINT ledger_pkey,"
                    + " ADD CONSTRAINT ledger_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED;"
                    + " CREATE VIEW hand_made AS SELECT id FROM account");
            Gate.ValidateResult drifted = project.driftless().validateWithResult();
            assertEquals(List.of("deferrable public.ledger primary key ledger_pkey DEFERRABLE INITIALLY DEFERRED changed_by_hand",
                            "deferrable public.transfer foreign key transfer_account_fk [account_id] → public.account[id]"
                                    + " NOT DEFERRABLE changed_by_hand",
                            "unmapped_object view public.hand_made view public.hand_made CREATE VIEW public.hand_made AS\n"
                                    + " SELECT id\n   FROM public.account changed_by_hand"),
                    drifted.findings().stream().map(f -> f.kind().id() + " " + f.group() + " " + f.object() + " "
                            + f.database() + " " + f.origin().id()).toList());
            project.execute("ALTER TABLE transfer ALTER CONSTRAINT transfer_account_fk DEFERRABLE;"
                    + " ALTER TABLE ledger DROP CONSTRAINT ledger_pkey, ADD CONSTRAINT ledger_pkey PRIMARY KEY (id) DEFERRABLE;"
                    + " DROP VIEW hand_made");

            Schema before = project.read();
            project.model(FIXTURE.resolve("after"), "after");
            project.dropUnmapped = true;
            Driftless.DiffResult diff = project.diff("around");
            assertNotNull(diff.written());
            assertEquals(List.of(), diff.diff().keptProperties().stream().filter(p -> !p.table().name().equals("account"))
                    .toList(), "the kept properties are those of the table that stays");
            project.apply();
            dev.driftless.model.Column name = project.read().table(dev.driftless.model.QualifiedName.of("public", "account"))
                    .orElseThrow().column("name").orElseThrow();
            assertEquals("character varying(200)", name.type());
            assertEquals("pg_catalog.\"C\"", name.collation(), "retyped, the column keeps the collation made by hand");
            Gate.CheckResult after = project.driftless().check();
            // dropping the tables loses data, which check's lint asks to acknowledge; every rollback is still proven
            assertEquals(List.of(), after.problems().stream().filter(p -> !p.kind().equals("data-loss")).toList());
            assertEquals(List.of(), after.modelChanges());
            assertEquals(diff.written().changeSets().size(), after.rollbacksVerified(), "every new changeset's rollback proven");
            project.rollback(diff.written().changeSets().size());
            Fixture.assertSameSchema(before, project.read(), "rolled back");
        }
    }

    /**
     * The same adopted database, and an entity change that retypes a column two views use (one through the other) and a
     * trigger names in UPDATE OF, with nothing dropped: PostgreSQL refuses the retype under either, so the views and the
     * trigger are dropped and re-created around the change in its changeset,
     * check proves the rollback, and the rollback leaves the catalog as it started, every property included.
     */
    @Test
    void aRetypedColumnThatViewsUseIsChangedAroundThemAndRolledBackToTheSameCatalog(@TempDir Path work) {
        try (Fixture.Project project = new Fixture.Project(work)) {
            project.model(FIXTURE.resolve("before"), "before");
            project.diff("model");
            project.apply();
            project.execute(BY_HAND);
            forgetTheHistory(project);
            project.driftless().baseline("baseline");
            Gate.CheckResult check = project.driftless().check();
            assertTrue(check.passes(), () -> "check after baseline: " + check.problems() + " " + check.modelChanges());
            project.execute("INSERT INTO account (name, code) VALUES ('House', 'h1')");

            Schema before = project.read();
            project.model(FIXTURE.resolve("retype-viewed"), "retype-viewed");
            Driftless.DiffResult diff = project.diff("retype");
            assertEquals(List.of("change type of public.account.code from character varying(20) to character varying(40),"
                            + " dropping and re-creating the views and triggers that use it: trigger public.account_upper_code"
                            + " on public.account, view public.account_codes, view public.transfer_totals"),
                    diff.changes().stream().map(dev.driftless.model.Change::describe).toList());
            project.apply();
            assertEquals(List.of(List.of("H1")), project.rows("SELECT code FROM account_codes"),
                    "the view is back, over the kept row (upper-cased by the trigger)");
            Gate.CheckResult after = project.driftless().check();
            assertTrue(after.passes(), () -> "check after the retype: " + after.problems() + " " + after.modelChanges());
            project.rollback(diff.written().changeSets().size());
            Fixture.assertSameSchema(before, project.read(), "rolled back");
        }
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.kind().id() + " " + f.group()).toList();
    }

    /** As if the database had been built without driftless: no changelogs, no bookkeeping tables. */
    private static void forgetTheHistory(Fixture.Project project) {
        project.execute("DROP TABLE databasechangelog; DROP TABLE databasechangeloglock;"
                + " DROP TABLE IF EXISTS databasechangelog_driftless");
        Path changelogs = project.directory.resolve("changelogs");
        try (Stream<Path> files = Files.walk(changelogs)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
