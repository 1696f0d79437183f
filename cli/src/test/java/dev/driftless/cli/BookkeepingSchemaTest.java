package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for where the bookkeeping tables are: the applying session's current schema, where Liquibase makes and
 * reads them, or the schema {@code liquibase-schema} names (issue 11.13). A role with a schema of its own, on a
 * database whose public schema holds another project's history and a set lock row it may not touch, neither reads that
 * history nor releases that lock; a project that names a history schema keeps every bookkeeping table there.
 */
class BookkeepingSchemaTest {

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aRoleWithItsOwnSchemaKeepsItsHistoryThereAndNeverTouchesAnotherProjectsInPublic() throws Exception {
        assumeTrue(database.password().isEmpty(), "the role made here logs in without a password (trust)");
        String alice = database.name() + "_alice";
        database.execute(
                // Another project's history in public, its lock row set: not alice's to read or release.
                "CREATE TABLE public.databasechangelog (id varchar(255), author varchar(255), filename varchar(255),"
                        + " dateexecuted timestamp, orderexecuted int, exectype varchar(10), md5sum varchar(35),"
                        + " description varchar(255), comments varchar(255), tag varchar(255), liquibase varchar(20),"
                        + " contexts varchar(255), labels varchar(255), deployment_id varchar(10))",
                "INSERT INTO public.databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype)"
                        + " VALUES ('1', 'other', 'other-project.xml', now(), 1, 'EXECUTED')",
                "CREATE TABLE public.databasechangeloglock (id int PRIMARY KEY, locked boolean NOT NULL,"
                        + " lockgranted timestamp, lockedby varchar(255))",
                "INSERT INTO public.databasechangeloglock VALUES (1, true, now(), 'other-project (its own run)')",
                "CREATE ROLE " + alice + " LOGIN",
                "GRANT CONNECT ON DATABASE " + database.name() + " TO " + alice,
                "CREATE SCHEMA " + alice + " AUTHORIZATION " + alice);
        writeProject(alice);

        CliRun status = driftless("status");
        assertEquals(0, status.exitCode(), () -> "public's history is another schema's, not a permission error: " + status);
        assertTrue(status.out().contains("0 applied, 1 pending"), status::toString);

        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM " + alice + ".databasechangelog"));
        assertEquals(List.of(alice), database.strings("SELECT schemaname FROM pg_tables WHERE tablename = 'accounts'"));
        assertEquals(List.of("true:other-project (its own run)"),
                database.strings("SELECT locked || ':' || lockedby FROM public.databasechangeloglock"),
                "another project's lock row is left as it was");
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM public.databasechangelog"));
        CliRun after = driftless("status");
        assertTrue(after.out().contains("1 applied, 0 pending"), after::toString);
        CliRun history = driftless("history");
        assertEquals(0, history.exitCode(), history::toString);
        assertTrue(history.out().contains("001-accounts.sql"), history::toString);
    }

    @Test
    void liquibaseSchemaKeepsEveryBookkeepingTableInTheNamedSchemaAndTheApplicationsTablesWhereTheyWere() throws Exception {
        database.execute(
                "CREATE SCHEMA history",
                // Another project's lock row, set, in public: this project's history is elsewhere, so it stays set.
                "CREATE TABLE public.databasechangeloglock (id int PRIMARY KEY, locked boolean NOT NULL,"
                        + " lockgranted timestamp, lockedby varchar(255))",
                "INSERT INTO public.databasechangeloglock VALUES (1, true, now(), 'other-project (its own run)')");
        writeProject(database.user(), "liquibase-schema: history");

        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("public"), database.strings("SELECT schemaname FROM pg_tables WHERE tablename = 'accounts'"));
        assertEquals(List.of("history.databasechangelog", "history.databasechangelog_driftless", "history.databasechangeloglock"),
                database.strings("SELECT schemaname || '.' || tablename FROM pg_tables WHERE tablename LIKE 'databasechangelog%'"
                        + " AND schemaname <> 'public' ORDER BY 1"));
        assertEquals(List.of("public.databasechangeloglock"), database.strings("SELECT schemaname || '.' || tablename"
                + " FROM pg_tables WHERE tablename LIKE 'databasechangelog%' AND schemaname = 'public'"), "none made in public");
        assertEquals(List.of("true"), database.strings("SELECT locked::text FROM public.databasechangeloglock"));

        CliRun status = driftless("status");
        assertTrue(status.out().contains("1 applied, 0 pending"), status::toString);
        assertEquals(0, driftless("validate-changelog").exitCode());
        // A run that died left this project's own lock row set: released under the migration lock, and said.
        database.execute("UPDATE history.databasechangeloglock SET locked = true, lockedby = 'killed run'");
        CliRun rollback = driftless("rollback", "--count", "1");
        assertEquals(0, rollback.exitCode(), rollback::toString);
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'"));
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM history.databasechangelog"));
        assertEquals(List.of("false"), database.strings("SELECT locked::text FROM history.databasechangeloglock"));
        assertEquals(List.of("true"), database.strings("SELECT locked::text FROM public.databasechangeloglock"));
        CliRun history = driftless("history", "--rollbacks");
        assertEquals(0, history.exitCode(), history::toString);
        assertTrue(history.out().contains("001-accounts.sql"), history::toString);
        assertTrue(driftless("status").out().contains("0 applied, 1 pending"));
    }

    @Test
    void aLiquibaseSchemaThatDoesNotExistIsNamedAndNothingIsCreated() throws Exception {
        writeProject(database.user(), "liquibase-schema: nowhere");
        CliRun apply = driftless("apply");
        assertTrue(apply.exitCode() != 0, apply::toString);
        assertTrue(apply.err().contains("the schema nowhere (liquibase-schema) does not exist"), apply::toString);
        assertEquals(1, apply.err().strip().lines().count(), () -> "one line, no trace: " + apply);
        assertEquals(List.of("0"), database.strings("SELECT count(*) FROM pg_tables WHERE tablename IN ('accounts',"
                + " 'databasechangelog', 'databasechangeloglock', 'databasechangelog_driftless')"));
    }

    private void writeProject(String role, String... extra) throws IOException {
        Files.writeString(project.resolve("driftless.yaml"), "changelogs: changelogs\nurl: " + database.url() + "\nuser: "
                + role + "\nbackup: never\n" + String.join("\n", extra) + "\n");
        Path changelogs = Files.createDirectories(project.resolve("changelogs"));
        Files.writeString(changelogs.resolve("001-accounts.sql"), """
                -- liquibase formatted sql

                -- changeset dev:1
                CREATE TABLE accounts (id bigint PRIMARY KEY);
                -- rollback DROP TABLE accounts;
                """);
        Files.writeString(changelogs.resolve("db.changelog-master.yaml"),
                "databaseChangeLog:\n  - include:\n      file: 001-accounts.sql\n      relativeToChangelogFile: true\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", project.resolve("driftless.yaml").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }
}
