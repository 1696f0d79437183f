package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects only in the database, through the real entry point: reported, dropped only when asked, or ignored by rule. */
class IgnoreRulesCliTest {

    @TempDir
    Path project;

    TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void unmappedObjectsAreReportedIgnoredByRuleAndDroppedOnlyWhenAsked() throws Exception {
        Path sources = project.resolve("src/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Account.java"), """
                package com.acme;

                import jakarta.persistence.*;

                @Entity
                public class Account {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                }
                """);
        Path classes = ModelCompiler.compile(project.resolve("src"), project.resolve("classes"));
        String devUrl = database.url().contains("?") ? database.url() : database.url() + "?user=" + database.user();
        Path config = project.resolve("driftless.yaml");
        String common = "classes: " + classes + "\nchangelogs: changelogs\nurl: " + database.url() + "\nuser: "
                + database.user() + "\ndev-url: " + devUrl + "\n";
        Files.writeString(config, common);
        assertEquals(0, CliRun.of("diff", "--config", config.toString()).exitCode());
        assertEquals(0, CliRun.of("apply", "--config", config.toString()).exitCode());
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY)");
            s.execute("CREATE TABLE public.legacy_orders (id int)");
            s.execute("CREATE TABLE public.scratch (id int)");
            s.execute("CREATE TYPE public.old_mood AS ENUM ('A')");
        }

        CliRun reported = CliRun.of("diff", "--config", config.toString());
        assertEquals(0, reported.exitCode(), reported::toString);
        assertTrue(reported.out().contains("note: table public.legacy_orders exists only in the database"), reported::toString);
        assertTrue(reported.out().contains("note: enum type public.old_mood exists only in the database"), reported::toString);
        assertTrue(reported.out().contains("No changes"), reported::toString);

        Files.writeString(config, common + "ignore:\n  - flyway_schema_history\n  - legacy_*\n  - public.old_*\n");
        CliRun ignored = CliRun.of("diff", "--config", config.toString());
        assertFalse(ignored.out().contains("legacy_orders"), ignored::toString);
        assertFalse(ignored.out().contains("flyway_schema_history"), ignored::toString);
        assertFalse(ignored.out().contains("old_mood"), ignored::toString);
        assertTrue(ignored.out().contains("note: table public.scratch exists only in the database"), ignored::toString);

        CliRun dropped = CliRun.of("diff", "--drop-unmapped", "--config", config.toString());
        assertEquals(0, dropped.exitCode(), dropped::toString);
        assertTrue(dropped.out().contains("drop table public.scratch"), dropped::toString);
        assertFalse(dropped.out().contains("legacy_orders"), dropped::toString);
        assertFalse(dropped.out().contains("flyway_schema_history"), dropped::toString);
        assertFalse(dropped.out().contains("old_mood"), dropped::toString);
    }
}
