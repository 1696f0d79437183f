package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names PostgreSQL would cut at 63 bytes, and names a changelog cannot carry, are each reported with the entity's file
 * and line before anything is written or created.
 */
class UnfitNamesTest {

    private static final String LONG_TABLE = "t".repeat(64);
    private static final String LONG_COLUMN = "c".repeat(31) + "é".repeat(17); // 65 bytes in 48 characters
    private static final String LONG_INDEX = "ix_" + "i".repeat(61);

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    private Path config(String entity) throws Exception {
        Path sources = project.resolve("src/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Ledger.java"), entity);
        Path classes = ModelCompiler.compile(project.resolve("src"), project.resolve("classes"));
        Path config = project.resolve("driftless.yaml");
        Files.writeString(config, "classes: " + classes + "\nsources: src\nchangelogs: changelogs\nurl: " + database.url()
                + "\nuser: " + database.user() + "\ndev-url: " + database.devUrl() + "\n");
        return config;
    }

    @Test
    void everyNameOverSixtyThreeBytesIsNamedWithItsFileAndLine() throws Exception {
        Path config = config("""
                package com.acme;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "%s", indexes = @Index(name = "%s", columnList = "amount"))
                public class Ledger {
                    @Id Long id;

                    @Column(name = "%s")
                    Long amount;
                }
                """.formatted(LONG_TABLE, LONG_INDEX, LONG_COLUMN));

        for (String command : List.of("diff", "validate")) {
            CliRun run = CliRun.of(command, "--config", config.toString());
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("the entities map 3 name(s) PostgreSQL cannot keep as they are"), run::toString);
            assertTrue(run.err().contains("com/acme/Ledger.java:7 class Ledger → table \"" + LONG_TABLE
                    + "\": 64 bytes, over PostgreSQL's limit of 63"), run::toString);
            assertTrue(run.err().contains("com/acme/Ledger.java:11 field amount → column \"" + LONG_COLUMN + "\" of public."
                    + LONG_TABLE + ": 65 bytes"), run::toString);
            assertTrue(run.err().contains("index \"" + LONG_INDEX + "\" of public." + LONG_TABLE + ": 64 bytes"), run::toString);
        }
        assertFalse(Files.exists(project.resolve("changelogs")), "nothing written");
        assertEquals(List.of(), database.strings("SELECT relname FROM pg_class WHERE relname LIKE 'ttt%'"));
    }

    @Test
    void aSixtyThreeByteNameIsFine() throws Exception {
        Path config = config("""
                package com.acme;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "%s")
                public class Ledger {
                    @Id Long id;
                }
                """.formatted("t".repeat(63)));
        CliRun run = CliRun.of("diff", "--config", config.toString());
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void anEntityNameWithACarriageReturnIsRefusedNamingTheEntity() throws Exception {
        Path config = config("""
                package com.acme;

                import jakarta.persistence.*;

                @Entity
                @Table(name = "t\\rDROP TABLE s.victim CASCADE;\\r--")
                public class Ledger {
                    @Id Long id;
                }
                """);
        CliRun run = CliRun.of("diff", "--config", config.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("the entities map 1 name(s)"), run::toString);
        assertTrue(run.err().contains("com/acme/Ledger.java:7 class Ledger → table \"t\\rDROP TABLE s.victim CASCADE;\\r--\": "
                + "holds a control character (\\r)"), run::toString);
        assertFalse(Files.exists(project.resolve("changelogs")), "nothing written");
    }
}
