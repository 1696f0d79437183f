package dev.driftless.changelogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftless.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Liquibase prints nothing and logs nothing through java.util.logging, whatever the runner does. */
class ChangelogRunnerQuietTest {

    @TempDir
    Path changelogs;

    @Test
    void liquibaseIsSilent() throws Exception {
        // SLF4J itself warns once on stderr when a test classpath has no backend: get that out of the way first.
        LoggerFactory.getILoggerFactory();
        Files.writeString(changelogs.resolve(ChangelogRunner.DEFAULT_MASTER_FILE), """
                databaseChangeLog:
                  - include:
                      file: 20261121214755-initial.sql
                      relativeToChangelogFile: true
                """);
        Files.writeString(changelogs.resolve("20261121214755-initial.sql"), """
                -- liquibase formatted sql

                -- changeset driftless:20261121214755-1
                CREATE TABLE public.a (id bigint NOT NULL);
                -- rollback DROP TABLE public.a;

                -- changeset driftless:20261121214755-2
                CREATE TABLE public.b (id bigint NOT NULL);

                -- changeset driftless:20261121214755-3
                CREATE TABLE public.c (id bigint NOT NULL);
                -- rollback DROP TABLE public.c;

                -- changeset driftless:20261121214755-4
                CREATE TABLE public.d (id bigint NOT NULL REFERENCES public.nope (id));
                -- rollback DROP TABLE public.d;
                """);

        try (Connection connection = TestPostgres.freshDatabase().connect()) {
            ChangelogRunner runner = new ChangelogRunner(connection, changelogs);
            Captured captured = capture(() -> {
                runner.pending();
                assertThrows(ChangelogException.class, runner::apply);
                runner.status();
                assertThrows(ChangelogException.class, () -> runner.rollback(2));
                assertEquals(1, runner.rollback(1).rolledBack().size());
                assertThrows(ChangelogException.class, runner::apply);
            });

            assertEquals("", captured.out);
            assertEquals("", captured.err);
            assertEquals(List.of(), captured.julRecords);
        }
    }

    record Captured(String out, String err, List<String> julRecords) {
    }

    interface Action {
        void run() throws Exception;
    }

    /** Stdout, stderr and every java.util.logging record at INFO or above from a {@code liquibase} logger. */
    static Captured capture(Action action) throws Exception {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String name = record.getLoggerName();
                if (name != null && name.startsWith("liquibase") && record.getLevel().intValue() >= Level.INFO.intValue()) {
                    synchronized (records) {
                        records.add(record.getLevel() + " " + name + ": " + record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            root.removeHandler(handler);
        }
        return new Captured(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), records);
    }
}
