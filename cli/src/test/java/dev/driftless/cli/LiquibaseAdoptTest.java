package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Liquibase project comes over: its XML changelog (the changelogs module's fixture: MARK_RAN preconditions,
 * validCheckSum, a loadData CSV, a property defined for a context, runOnChange) applied by Liquibase 4.33's own update
 * with contexts prod, then driftless with {@code contexts: prod} in driftless.yaml: nothing edited, nothing pending,
 * adopt, and the gate green.
 */
class LiquibaseAdoptTest {

    private static final Path PROJECT = Path.of("../changelogs/src/test/resources/liquibase-project");

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aLiquibaseProjectAppliedByLiquibaseIsUpToDateUnderItsContextsAndPassesTheGateOnceAdopted() throws Exception {
        Path changelogs = copy(PROJECT, project.resolve("changelogs"));
        liquibaseUpdate(changelogs, "prod");
        writeConfig("contexts: prod");

        CliRun status = driftless("status");
        assertTrue(status.out().contains("0 pending."), status::toString);
        assertFalse(status.out().contains("test-only-data"), "another context's changeset is not this run's: " + status);
        CliRun valid = driftless("validate-changelog");
        assertEquals(0, valid.exitCode(), valid::toString);
        assertTrue(valid.out().contains("none edited since"), valid::toString);
        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Nothing to apply"), apply::toString);

        // The flag wins over the file: under the test context the property has another value, so the text differs.
        CliRun underTest = driftless("validate-changelog", "--contexts", "test");
        assertEquals(1, underTest.exitCode(), underTest::toString);
        assertTrue(underTest.out().contains("changeset greeting in legacy/db.changelog-master.xml was edited"), underTest::toString);

        assertEquals(0, driftless("validate").exitCode());
        CliRun before = driftless("check");
        assertEquals(1, before.exitCode(), "its changesets without a rollback fail the proof before adoption: " + before);

        CliRun adopt = driftless("adopt");
        assertEquals(0, adopt.exitCode(), adopt::toString);
        assertTrue(adopt.out().contains("Recorded it as applied."), adopt::toString);
        assertTrue(driftless("status").out().contains("0 pending."));
        CliRun check = driftless("check");
        assertEquals(0, check.exitCode(), check::toString);
        assertTrue(check.out().contains("rollbacks verified for 0 after the adoption point"), check::toString);
        // It counts what it replayed: the changesets of context prod, as status lists them, not another context's.
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("(\\d+) applied, 0 pending")
                .matcher(driftless("status").out());
        assertTrue(listed.find());
        assertTrue(check.out().contains("replayed " + listed.group(1) + ", "), () -> listed.group(1) + " selected: " + check);
        assertEquals(2, driftless("adopt").exitCode(), "once");

        // Then one entity change goes through the gate, beside the history Liquibase wrote.
        Path sources = ModelCompiler.copySources(Path.of("src/test/resources/adopt/liquibase/model"), project.resolve("src"));
        ModelCompiler.edit(sources, "com/acme/settings/AppSetting.java", Map.of("    private BigDecimal amount;",
                "    private BigDecimal amount;\n\n    @Column(name = \"note\", length = 200)\n    private String note;"));
        ModelCompiler.compile(sources, project.resolve("classes"));
        CliRun diff = driftless("diff", "--name", "setting-note");
        assertEquals(0, diff.exitCode(), diff::toString);
        CliRun applied = driftless("apply");
        assertEquals(0, applied.exitCode(), applied::toString);
        assertEquals(List.of("note"), database.strings("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'app_setting' AND column_name = 'note'"));
        assertEquals(0, driftless("validate").exitCode());
        CliRun afterChange = driftless("check");
        assertEquals(0, afterChange.exitCode(), afterChange::toString);
        assertTrue(afterChange.out().contains("rollbacks verified for 1 after the adoption point"), afterChange::toString);
    }

    private void liquibaseUpdate(Path changelogs, String contexts) throws Exception {
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(changelogs)) {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources, "liquibase.analytics.enabled", false), () -> {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(database.connect()));
                try {
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db.changelog-master.yaml")
                            .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                            .execute();
                } finally {
                    db.close();
                }
            });
        }
    }

    private void writeConfig(String... extra) throws IOException {
        Path classes = ModelCompiler.compile(Path.of("src/test/resources/adopt/liquibase/model"), project.resolve("classes"));
        List<String> lines = new ArrayList<>(List.of("changelogs: changelogs", "url: " + database.url(),
                "user: " + database.user(), "dev-url: " + database.devUrl(), "classes: " + classes, "backup: never"));
        lines.addAll(List.of(extra));
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", lines) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
