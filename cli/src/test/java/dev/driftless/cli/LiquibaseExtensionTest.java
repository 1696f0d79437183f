package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Liquibase project that needs its own Liquibase extension: a {@code liquibase.database.Database} registered through
 * {@code META-INF/services} that keeps Liquibase from quoting the mixed-case names of its changelog ({@code OrderLine}
 * becomes {@code orderline}, as the entities map it). Its database was built by Liquibase's own update with the
 * extension; driftless finds the extension on the project's class path and reads, replays and applies the changelog
 * as that update did. Without it on the class path, {@code check}'s replay builds {@code "OrderLine"} and fails.
 */
class LiquibaseExtensionTest {

    private static final Path FIXTURE = Path.of("src/test/resources/adopt/liquibase-extension");

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();
    Path classes;

    @BeforeEach
    void builtByTheProjectsLiquibase() throws Exception {
        ModelCompiler.copySources(FIXTURE.resolve("changelogs"), project.resolve("changelogs"));
        Path sources = ModelCompiler.copySources(FIXTURE.resolve("model"), project.resolve("src"));
        classes = ModelCompiler.compile(sources, project.resolve("classes"));
        ModelCompiler.copySources(FIXTURE.resolve("services"), classes.resolve("META-INF/services"));
        liquibaseUpdateWithTheExtension();
        assertEquals(List.of("orderline"), database.strings(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name ILIKE 'orderline'"),
                "the extension folded the name, as the project relies on");
        assertEquals(List.of("BOND-10Y"), database.strings("SELECT productcode FROM orderline"));
    }

    @Test
    void theProjectsDatabaseExtensionIsUsedByEveryCommandAndAnEntityChangeGoesThroughTheGate() throws Exception {
        // a provider whose class is gone (a jar left out) is skipped, as Liquibase skips it; the others still count
        Path services = classes.resolve("META-INF/services/liquibase.database.Database");
        Files.writeString(services, "com.acme.liquibase.RemovedDatabase\n" + Files.readString(services));
        writeConfig();
        CliRun doctor = driftless("doctor");
        assertTrue(doctor.out().contains("the project's Liquibase extensions, used with its changelog: "
                + "liquibase.database.Database (classes)"), doctor::toString);
        CliRun status = driftless("status");
        assertTrue(status.out().contains("2 applied, 0 pending."), status::toString);
        CliRun valid = driftless("validate-changelog");
        assertEquals(0, valid.exitCode(), valid::toString);
        assertTrue(valid.out().contains("none edited since"), valid::toString);
        CliRun validate = driftless("validate");
        assertEquals(0, validate.exitCode(), validate::toString);

        CliRun adopt = driftless("adopt");
        assertEquals(0, adopt.exitCode(), adopt::toString);
        CliRun check = driftless("check");
        assertEquals(0, check.exitCode(), "the replay builds orderline, as the model maps it: " + check);
        assertTrue(check.out().contains("replayed 3, rollbacks verified for 0 after the adoption point"), check::toString);

        ModelCompiler.edit(project.resolve("src"), "com/acme/orders/OrderLine.java", Map.of(
                "    private BigDecimal unitPrice;",
                "    private BigDecimal unitPrice;\n\n    @Column(name = \"discount\", precision = 5, scale = 2)\n"
                        + "    private BigDecimal discount;"));
        ModelCompiler.compile(project.resolve("src"), classes);
        CliRun diff = driftless("diff");
        assertEquals(0, diff.exitCode(), diff::toString);
        CliRun apply = driftless("apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals(List.of("discount"), database.strings(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'orderline' AND column_name = 'discount'"));
        assertEquals(List.of("BOND-10Y"), database.strings("SELECT productcode FROM orderline"), "the row is kept");
        assertEquals(0, driftless("validate").exitCode());
        CliRun after = driftless("check");
        assertEquals(0, after.exitCode(), after::toString);
        assertTrue(after.out().contains("rollbacks verified for 1 after the adoption point"), after::toString);
    }

    @Test
    void withoutTheExtensionOnTheClassPathTheReplayBuildsAnotherSchemaAndCheckSaysSo() throws Exception {
        Files.delete(classes.resolve("META-INF/services/liquibase.database.Database"));
        writeConfig();
        CliRun adopt = driftless("adopt");
        assertEquals(0, adopt.exitCode(), adopt::toString);
        CliRun check = driftless("check");
        assertEquals(1, check.exitCode(), "Liquibase alone quotes OrderLine: " + check);
        assertTrue(check.out().contains("OrderLine") || check.out().contains("orderline"), check::toString);
    }

    private void liquibaseUpdateWithTheExtension() throws Exception {
        try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(project.resolve("changelogs"));
             URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources, "liquibase.analytics.enabled", false), () -> {
                Database db = (Database) loader.loadClass("com.acme.liquibase.LowerCaseNamesPostgresDatabase")
                        .getConstructor().newInstance();
                db.setConnection(new JdbcConnection(database.connect()));
                try {
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db.changelog-master.yaml")
                            .execute();
                } finally {
                    db.close();
                }
            });
        }
    }

    private void writeConfig() throws IOException {
        List<String> lines = new ArrayList<>(List.of("changelogs: changelogs", "url: " + database.url(),
                "user: " + database.user(), "dev-url: " + database.devUrl(), "classes: " + classes, "backup: never"));
        Files.writeString(project.resolve("driftless.yaml"), String.join("\n", lines) + "\n");
    }

    private CliRun driftless(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(project.resolve("driftless.yaml").toString());
        return CliRun.of(all.toArray(String[]::new));
    }
}
