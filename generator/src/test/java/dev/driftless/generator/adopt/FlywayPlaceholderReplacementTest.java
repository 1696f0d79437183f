package dev.driftless.generator.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlywayPlaceholderReplacementTest {

    private static final Map<String, FlywayPlaceholders.Value> VALUES = Map.of(
            "owner", new FlywayPlaceholders.Value("app", "application.properties"),
            "flyway:defaultSchema", new FlywayPlaceholders.Value("ledger", "the target"),
            "empty", new FlywayPlaceholders.Value("", "flyway.conf"));

    private final FlywayPlaceholders flyway = new FlywayPlaceholders("${", "}", ":", VALUES, name -> "set " + name);

    @Test
    void everyPlaceholderIsReplacedWhateverTheCaseInCommentsAndLiteralsToo() {
        assertEquals("-- owned by app\nALTER TABLE ledger.t OWNER TO app; SELECT 'app', '', 'V1__x.sql';",
                flyway.replace("-- owned by ${owner}\nALTER TABLE ${FLYWAY:DEFAULTSCHEMA}.t OWNER TO ${Owner};"
                        + " SELECT '${owner}', '${empty}', '${flyway:filename}';", "V1__x.sql", "V1__x.sql"));
        assertEquals("$$ BEGIN END $$; $1 {x}", flyway.replace("$$ BEGIN END $$; $1 {x}", "V1__x.sql", "V1__x.sql"));
        assertEquals(Map.of("owner", VALUES.get("owner"), "FLYWAY:DEFAULTSCHEMA", VALUES.get("flyway:defaultSchema"),
                "empty", VALUES.get("empty"), "flyway:filename", new FlywayPlaceholders.Value("V1__x.sql", "each file's name")),
                flyway.used());
    }

    @Test
    void anUnknownOrUnclosedPlaceholderIsRefusedWithItsLine() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> flyway.replace("SELECT 1;\r\nSELECT 2;\r\nGRANT ALL TO ${reader};", "V2__g.sql", "sub/V2__g.sql"));
        assertTrue(unknown.getMessage().startsWith("sub/V2__g.sql line 3: no value for the Flyway placeholder ${reader}"
                + " (Flyway fails on it too: \"No value provided for placeholder\"); set reader; nothing was imported"),
                unknown.getMessage());
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> flyway.replace("SELECT 1;\nSELECT '${owner';", "V2__g.sql", "V2__g.sql"));
        assertTrue(unclosed.getMessage().startsWith("V2__g.sql line 2: '${' opens a Flyway placeholder that is never closed"),
                unclosed.getMessage());
    }

    @Test
    void aConfiguredPrefixAndSuffixAndReplacementOff() {
        FlywayPlaceholders hashes = new FlywayPlaceholders("#[", "]]", "/", VALUES, name -> "");
        assertEquals("SELECT '${owner}', app, [1]", hashes.replace("SELECT '${owner}', #[OWNER]], [1]", "V1__x.sql", "V1__x.sql"));
        assertEquals("SELECT ${nobody}", FlywayPlaceholders.off().replace("SELECT ${nobody}", "V1__x.sql", "V1__x.sql"));
    }

    @Test
    void aRepeatablesChecksumIsTakenAfterReplacementAVersionedOnesOverTheFile() {
        String text = "CREATE VIEW ${flyway:defaultSchema}.v AS SELECT 1;\n";
        FlywayFolder.Migration repeatable = new FlywayFolder.Migration(Path.of("R__v.sql"), FlywayFolder.Kind.REPEATABLE,
                null, "v", FlywayChecksum.of(text), text);
        FlywayFolder.Migration ran = flyway.apply(repeatable, "R__v.sql");
        assertEquals("CREATE VIEW ledger.v AS SELECT 1;\n", ran.sql());
        assertEquals(FlywayChecksum.of(ran.sql()), ran.checksum());
        assertTrue(ran.checksumMatches(FlywayChecksum.of(text)), "Flyway accepts the file's own, recorded before 6.3");

        FlywayFolder.Migration versioned = new FlywayFolder.Migration(Path.of("V1__v.sql"), FlywayFolder.Kind.VERSIONED,
                FlywayVersion.parse("1"), "v", FlywayChecksum.of(text), text);
        FlywayFolder.Migration v = flyway.apply(versioned, "V1__v.sql");
        assertEquals(FlywayChecksum.of(text), v.checksum());
        assertNull(v.equivalentChecksum());
        assertEquals(false, v.checksumMatches(FlywayChecksum.of(v.sql())));
    }
}
