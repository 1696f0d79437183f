package dev.driftless.changelogs.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.changelogs.ChangesetSqlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelogs in each format, read by Liquibase's own parser (offline) and linted: the statements Liquibase would send,
 * the line each changeset starts on, labels and acknowledgements.
 */
class ChangelogLinterTest {

    @TempDir
    Path dir;

    @Test
    void formattedSqlChangesetsAreLintedWithTheirLinesAndAcknowledgements() throws Exception {
        Files.writeString(dir.resolve("changes.sql"), """
                -- liquibase formatted sql

                -- changeset alice:1
                CREATE TABLE shop.orders (id bigint PRIMARY KEY, note text);
                CREATE INDEX orders_note ON shop.orders (note);
                -- rollback DROP TABLE shop.orders;

                -- changeset alice:2
                ALTER TABLE shop.orders DROP COLUMN note;
                -- rollback ALTER TABLE shop.orders ADD COLUMN note text;

                -- changeset alice:3
                -- driftless:allow drop-column
                ALTER TABLE shop.orders DROP COLUMN id;
                -- rollback empty

                -- changeset alice:4
                -- comment: driftless:allow truncate (the table is a cache)
                TRUNCATE shop.orders;
                -- rollback empty

                -- changeset bob:5 labels:risk:danger
                CREATE INDEX orders_id ON shop.orders (id);
                -- rollback empty
                """);
        LintReport report = new ChangelogLinter().lint(new ChangesetSqlReader(dir).read("changes.sql"));
        List<ChangesetLint> changesets = report.changesets();

        assertEquals(List.of(Risk.SAFE, Risk.DANGER, Risk.SAFE, Risk.SAFE, Risk.DANGER),
                changesets.stream().map(ChangesetLint::risk).toList());
        assertEquals(List.of(3, 8, 12, 17, 22), changesets.stream().map(c -> c.changeset().line()).toList());
        assertEquals("changes.sql:8", changesets.get(1).changeset().location());
        // an index on the table created in changeset 1 takes no lock worth reporting; the label still counts
        assertEquals(List.of("risk-label"), changesets.get(4).notable().stream().map(f -> f.finding().rule()).toList());
        assertTrue(changesets.get(2).notable().get(0).acknowledged());
        assertEquals(Risk.DANGER, changesets.get(2).rawRisk());
        assertTrue(report.fails(false));
    }

    @Test
    void yamlAndXmlChangeTypesAreLintedThroughTheSqlLiquibaseGenerates() throws Exception {
        Files.writeString(dir.resolve("master.yaml"), """
                databaseChangeLog:
                  - include: {file: changes.yaml}
                  - include: {file: changes.xml}
                """);
        Files.writeString(dir.resolve("changes.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: y1
                      author: alice
                      changes:
                        - dropColumn: {schemaName: shop, tableName: orders, columnName: note}
                  - changeSet:
                      id: y2
                      author: alice
                      comment: "driftless:allow drop-table"
                      changes:
                        - dropTable: {schemaName: shop, tableName: old_orders}
                """);
        Files.writeString(dir.resolve("changes.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                  <changeSet id="x1" author="bob">
                    <addNotNullConstraint schemaName="shop" tableName="orders" columnName="symbol" columnDataType="varchar(20)"/>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<ChangesetLint> changesets = new ChangelogLinter().lint(new ChangesetSqlReader(dir).read("master.yaml")).changesets();

        assertEquals(List.of("changes.yaml:3", "changes.yaml:8", "changes.xml:4"),
                changesets.stream().map(c -> c.changeset().location()).toList());
        assertEquals(List.of(Risk.DANGER, Risk.SAFE, Risk.CAUTION), changesets.stream().map(ChangesetLint::risk).toList());
        assertEquals("ALTER TABLE shop.orders DROP COLUMN note", changesets.get(0).notable().get(0).statement());
        assertEquals("set-not-null", changesets.get(2).notable().get(0).finding().rule());
        assertFalse(new LintReport(changesets.subList(1, 3)).fails(false));
        assertTrue(new LintReport(changesets.subList(1, 3)).fails(true));
    }
}
