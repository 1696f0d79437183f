package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Includes added to, and taken out of, masters as projects write them: each row a master before and after. */
class MasterChangelogTest {

    @TempDir
    Path directory;

    record Row(String name, String file, String before, String after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("missing YAML master is created", "db.changelog-master.yaml", null, """
                        # Written by driftless: each generated changelog is included here, oldest first.
                        databaseChangeLog:
                          - include:
                              file: 2.sql
                              relativeToChangelogFile: true
                        """),
                new Row("YAML list at the key's own indentation", "db.changelog-master.yml", """
                        databaseChangeLog:
                        - include:
                            file: changes/1.sql
                            relativeToChangelogFile: true""", """
                        databaseChangeLog:
                        - include:
                            file: changes/1.sql
                            relativeToChangelogFile: true
                        - include:
                            file: 2.sql
                            relativeToChangelogFile: true
                        """),
                new Row("XML with two-space entries and a comment last", "master.xml", """
                        <?xml version="1.0" encoding="utf-8"?>
                        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                          <include file="changelog/1.xml" relativeToChangelogFile="true"/>
                          <!-- needle -->
                        </databaseChangeLog>
                        """, """
                        <?xml version="1.0" encoding="utf-8"?>
                        <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                          <include file="changelog/1.xml" relativeToChangelogFile="true"/>
                          <!-- needle -->
                          <include file="2.sql" relativeToChangelogFile="true"/>
                        </databaseChangeLog>
                        """),
                new Row("XML closed on the last element's line", "db.changelog-master.xml", """
                        <databaseChangeLog>
                        \t<changeSet id="1" author="a"><sql>SELECT 1</sql></changeSet></databaseChangeLog>""", """
                        <databaseChangeLog>
                        \t<changeSet id="1" author="a"><sql>SELECT 1</sql></changeSet>
                        \t<include file="2.sql" relativeToChangelogFile="true"/>
                        </databaseChangeLog>"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anIncludeGoesAfterEverythingInTheMastersOwnShapeAndComesOutAgain(Row row) throws IOException {
        Path file = directory.resolve(row.file());
        if (row.before() != null) {
            Files.writeString(file, row.before());
        }
        MasterChangelog master = new MasterChangelog(file);

        master.include("2.sql");
        assertEquals(row.after(), Files.readString(file));
        assertTrue(master.includes("2.sql"));

        assertTrue(master.exclude("2.sql"));
        assertFalse(master.includes("2.sql"));
        assertFalse(master.exclude("2.sql"), "taken out once");
    }

    @Test
    void anIncludeEditedByHandIsNotTakenOut() throws IOException {
        Path file = directory.resolve("master.xml");
        Files.writeString(file, "<databaseChangeLog>\n    <include file=\"2.sql\"/>\n</databaseChangeLog>\n");
        assertFalse(new MasterChangelog(file).exclude("2.sql"));
        assertEquals("<databaseChangeLog>\n    <include file=\"2.sql\"/>\n</databaseChangeLog>\n", Files.readString(file));
    }

    @Test
    void aJsonOrSqlMasterTakesNoIncludesAndIsLeftAsItIs() throws IOException {
        for (String name : new String[] {"master.json", "master.sql"}) {
            Path file = directory.resolve(name);
            Files.writeString(file, "unchanged");
            MasterChangelog master = new MasterChangelog(file);
            assertFalse(master.writable());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> master.include("2.sql"));
            assertTrue(refused.getMessage().contains(file + " is neither"), refused::getMessage);
            assertEquals("unchanged", Files.readString(file));
        }
    }
}
