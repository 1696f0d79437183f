package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose Liquibase master is XML and not named as driftless's (JHipster's
 * {@code spring.liquibase.change-log: classpath:config/liquibase/master.xml}): with nothing about Liquibase in
 * driftless.yaml, driftless reads that history as applied, writes its changelog beside it and includes it from
 * master.xml itself, so the application's own Liquibase and driftless agree on every changeset.
 */
class XmlMasterChangelogTest {

    @TempDir
    Path project;

    private final TestDatabase database = TestPostgres.freshDatabase();

    @Test
    void aJHipsterStyleXmlMasterTakesDriftlessIncludesAndTheApplicationsLiquibaseAgrees() throws Exception {
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Path liquibase = Files.createDirectories(resources.resolve("config/liquibase/changelog"));
        Files.writeString(liquibase.resolve("00000000000000_initial_schema.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <databaseChangeLog
                    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                    <changeSet id="00000000000001" author="jhipster">
                        <createTable tableName="accounts">
                            <column name="id" type="bigint"><constraints primaryKey="true" nullable="false"/></column>
                            <column name="name" type="varchar(255)"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        Path master = liquibase.getParent().resolve("master.xml");
        Files.writeString(master, """
                <?xml version="1.0" encoding="utf-8"?>
                <databaseChangeLog
                    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                  <include file="config/liquibase/changelog/00000000000000_initial_schema.xml" relativeToChangelogFile="false"/>
                  <!-- jhipster-needle-liquibase-add-changelog - JHipster will add liquibase changelogs here -->
                </databaseChangeLog>
                """);
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  datasource:
                    url: %s
                    username: %s
                  liquibase:
                    change-log: classpath:config/liquibase/master.xml
                """.formatted(database.url(), database.user()));
        SpringBootLiquibase.update(database, resources, "config/liquibase/master.xml", null, null);
        Files.writeString(project.resolve("driftless.yaml"), "classes: " + ProjectFixture.accountEntity(project, "String name; String email;")
                + "\nbackup: never\n");

        CliRun status = ProjectFixture.driftless(project, "status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("1 applied, 0 pending"), status::toString);
        CliRun doctor = ProjectFixture.driftless(project, "doctor");
        assertTrue(doctor.out().contains("changelogs in " + liquibase.getParent().toAbsolutePath().normalize()
                + ", master master.xml, named from " + resources.toAbsolutePath().normalize()), doctor::toString);

        CliRun diff = ProjectFixture.driftless(project, "diff", "--name", "account email");
        assertEquals(0, diff.exitCode(), diff::toString);
        Path written = generated(liquibase.getParent());
        String include = "  <include file=\"" + written.getFileName() + "\" relativeToChangelogFile=\"true\"/>\n";
        assertTrue(Files.readString(master).contains("JHipster will add liquibase changelogs here -->\n" + include
                + "</databaseChangeLog>"), () -> "included after the last entry, in its indentation: " + read(master));

        CliRun apply = ProjectFixture.driftless(project, "apply");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Applied 1 changeset(s)."), apply::toString);
        assertEquals(List.of("config/liquibase/changelog/00000000000000_initial_schema.xml",
                        "config/liquibase/" + written.getFileName()),
                database.strings("SELECT filename FROM databasechangelog ORDER BY orderexecuted"));
        assertEquals(List.of("1"), database.strings("SELECT count(*) FROM information_schema.columns"
                + " WHERE table_name = 'accounts' AND column_name = 'email'"));

        SpringBootLiquibase.update(database, resources, "config/liquibase/master.xml", null, null);
        assertEquals(List.of("2"), database.strings("SELECT count(*) FROM databasechangelog"),
                "the application's Liquibase finds driftless's changeset applied and runs nothing twice");
        CliRun validate = ProjectFixture.driftless(project, "validate");
        assertEquals(0, validate.exitCode(), validate::toString);
    }

    @Test
    void aJsonMasterIsNamedAndNothingIsWritten() throws Exception {
        Path changelogs = Files.createDirectories(project.resolve("db"));
        Files.writeString(changelogs.resolve("master.json"), "{\"databaseChangeLog\": []}\n");
        Files.writeString(project.resolve("driftless.yaml"), "classes: " + ProjectFixture.accountEntity(project, "String name;")
                + "\nchangelogs: db\nmaster: master.json\nurl: " + database.url() + "\nuser: " + database.user() + "\n");

        CliRun diff = ProjectFixture.driftless(project, "diff");
        assertEquals(2, diff.exitCode(), diff::toString);
        assertTrue(diff.err().contains("driftless writes its includes into a YAML or XML master changelog, and "
                + changelogs.resolve("master.json") + " is neither"), diff::toString);
        try (Stream<Path> files = Files.list(changelogs)) {
            assertEquals(List.of("master.json"), files.map(f -> f.getFileName().toString()).toList());
        }
    }


    private static Path generated(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{14}-.*\\.sql")).findFirst().orElseThrow();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

}
