package dev.driftless.generator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywaySettingsTest {

    @TempDir
    Path dir;

    @Test
    void springBootsFlywayPlaceholdersAreReadWithTheirProfileAndSyntax() throws IOException {
        Files.writeString(dir.resolve("application.yml"), """
                spring:
                  profiles.active: prod
                  flyway:
                    placeholders:
                      owner: app
                      reader: ${READER_ROLE:app_reader}
                    placeholderPrefix: "#["
                    placeholder-suffix: "]"
                    schemas: [ledger, audit]
                ---
                spring:
                  config.activate.on-profile: prod
                  flyway:
                    placeholders:
                      owner: prod_owner
                    placeholder-replacement: true
                """);
        Files.writeString(dir.resolve("application.properties"), "spring.flyway.placeholders[Tenant.Name]=acme\n");

        FlywaySettings flyway = ApplicationSettings.read(List.of(dir), List.of()).flyway();

        assertEquals(Map.of("owner", "prod_owner", "reader", "${READER_ROLE:app_reader}", "Tenant.Name", "acme"),
                values(flyway.placeholders()));
        assertEquals("application.yml (profile prod)", flyway.placeholders().get("owner").origin());
        assertEquals("spring.flyway.placeholders[Tenant.Name]", flyway.placeholders().get("Tenant.Name").key());
        assertTrue(flyway.placeholders().get("reader").unresolved(), "resolved by Spring when the application runs");
        assertEquals("#[", flyway.get(FlywaySettings.PREFIX).orElseThrow().value());
        assertEquals("]", flyway.get(FlywaySettings.SUFFIX).orElseThrow().value());
        assertEquals("ledger,audit", flyway.get(FlywaySettings.SCHEMAS).orElseThrow().value());
    }

    @Test
    void quarkusFlywayPlaceholdersAreReadWithTheirProfile() throws IOException {
        Files.writeString(dir.resolve("application.properties"), String.join("\n",
                "quarkus.datasource.db-kind=postgresql",
                "quarkus.flyway.placeholders.owner=app",
                "quarkus.flyway.placeholders.\"Tenant.Name\"=acme",
                "quarkus.flyway.default-schema=ledger",
                "%prod.quarkus.flyway.placeholders.owner=prod_owner") + "\n");

        FlywaySettings flyway = ApplicationSettings.read(List.of(dir), List.of()).flyway();

        assertEquals(Map.of("owner", "prod_owner", "Tenant.Name", "acme"), values(flyway.placeholders()));
        assertEquals("application.properties (profile prod)", flyway.placeholders().get("owner").origin());
        assertEquals("ledger", flyway.get(FlywaySettings.DEFAULT_SCHEMA).orElseThrow().value());
    }

    @Test
    void flywayConfIsReadInItsOwnSpellingAndTheApplicationAndFlagsWinWhateverTheCase() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/flyway.conf"), "flyway.placeholders.owner=distribution\nflyway.table=history\n");
        Files.writeString(dir.resolve("flyway.conf"), """
                flyway.placeholders.owner=conf_owner
                flyway.placeholders.region=eu
                flyway.placeholderReplacement=false
                flyway.defaultSchema=ledger
                flyway.url=jdbc:postgresql://db/ledger
                """);

        FlywaySettings conf = FlywayConfFile.read(dir);
        assertEquals(Map.of("owner", "conf_owner", "region", "eu"), values(conf.placeholders()));
        assertEquals("flyway.conf", conf.placeholders().get("owner").origin());
        assertEquals("history", conf.get(FlywaySettings.TABLE).orElseThrow().value());
        assertEquals("false", conf.get(FlywaySettings.REPLACEMENT).orElseThrow().value());
        assertEquals("ledger", conf.get(FlywaySettings.DEFAULT_SCHEMA).orElseThrow().value());

        TreeMap<String, FlywaySettings.Value> flags = new TreeMap<>();
        flags.put("placeholders.OWNER", new FlywaySettings.Value("flag_owner", "--placeholder", "--placeholder OWNER"));
        assertEquals(Map.of("OWNER", "flag_owner", "region", "eu"), values(conf.overriddenBy(new FlywaySettings(flags)).placeholders()));
    }

    private static Map<String, String> values(Map<String, FlywaySettings.Value> placeholders) {
        Map<String, String> values = new TreeMap<>();
        placeholders.forEach((k, v) -> values.put(k, v.value()));
        return values;
    }
}
