package dev.driftless.generator.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayFolderTest {

    @TempDir
    Path folder;

    @Test
    void versionsCompareAsFlywayComparesThemPartByPartAsNumbers() {
        List<String> sorted = java.util.stream.Stream.of("1_20_10", "1.20.2", "1_3", "2", "1_20", "01_20_3")
                .map(FlywayVersion::parse).sorted().map(FlywayVersion::text).toList();
        assertEquals(List.of("1_3", "1_20", "1.20.2", "01_20_3", "1_20_10", "2"), sorted);
        assertTrue(FlywayVersion.parse("1.0").sameAs(FlywayVersion.parse("1")));
        assertEquals("1.20.10", FlywayVersion.parse("1_20_10").display());
        assertThrows(IllegalArgumentException.class, () -> FlywayVersion.parse("1a"));
    }

    /** Expected values from zlib's CRC32 over the lines without terminators, independently of this code. */
    @Test
    void theChecksumIsFlywaysCrc32OfTheLinesWithoutLineEndingsOrBom() {
        String unix = "-- written on Windows\nCREATE INDEX payment_account_idx\n    ON ledger.payment (account_id);\n";
        assertEquals(808040886, FlywayChecksum.of(unix));
        assertEquals(808040886, FlywayChecksum.of("\uFEFF" + unix.replace("\n", "\r\n")));
        assertEquals(808040886, FlywayChecksum.of(unix.replace("\n", "\r")));
        assertEquals(863128256, FlywayChecksum.of("-- Runs after 1.20.2 and 1.20.3: the table must exist.\n"
                + "ALTER TABLE ledger.payment ALTER COLUMN amount TYPE numeric(12,2);\n"));
        assertEquals(0, FlywayChecksum.of(""));
    }

    @Test
    void theNewestBaselineReplacesTheVersionsUpToItsOwnAndRepeatablesComeLast() throws Exception {
        for (String name : List.of("V1__a.sql", "B1_1__old_base.sql", "V1_20_0__b.sql", "B1_20_0__base.sql", "V1_20_10__d.sql",
                "V1_20_2__c.sql", "R__z_view.sql", "R__a_function.sql", "U1_20_2__undo.sql", "V3-oops.sql", "V1a__bad.sql",
                "R1__versioned_repeatable.sql", "readme.md", "V1_20_2__c.sql.conf")) {
            Files.writeString(folder.resolve(name), "SELECT 1;\n", StandardCharsets.UTF_8);
        }
        FlywayFolder read = FlywayFolder.read(folder);
        assertEquals(List.of("B1_20_0__base.sql", "V1_20_2__c.sql", "V1_20_10__d.sql", "R__a_function.sql", "R__z_view.sql"),
                read.migrations().stream().map(FlywayFolder.Migration::fileName).toList());
        assertEquals("a function", read.migrations().get(3).description());
        assertEquals(List.of("B1_1__old_base.sql: an older baseline than B1_20_0__base.sql, which replaces it",
                        "R1__versioned_repeatable.sql: a repeatable migration has no version (R__<description>.sql)",
                        "U1_20_2__undo.sql", "V1_20_0__b.sql", "V1_20_2__c.sql.conf: Flyway script configuration: not read, the script's settings are not imported", "V1__a.sql", "V1a__bad.sql: '1a' is not a"
                                + " Flyway version (digits separated by . or _)", "V3-oops.sql", "readme.md: not a .sql file"),
                read.skipped().stream().map(s -> s.file().getFileName() + (s.reason().length() < 90 ? ": " + s.reason() : "")).toList());
    }

    @Test
    void twoMigrationsOfOneVersionAreRefusedAsFlywayRefusesThem() throws Exception {
        Files.writeString(folder.resolve("V1_0__a.sql"), "SELECT 1;");
        Files.writeString(folder.resolve("V1__b.sql"), "SELECT 2;");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlywayFolder.read(folder));
        assertTrue(e.getMessage().startsWith("Found more than one migration with version 1"), e.getMessage());
    }
}
