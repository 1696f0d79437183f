package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.model.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What may reach an unquoted place of a changelog: no line break of any kind, no control character. */
class UnsafeTextTest {

    @TempDir
    Path directory;

    @Test
    void aCommentLineKeepsNoLineBreakOfAnyKind() {
        String comment = UnsafeText.commentLine("a\r\nb\nc\rd\u0085e\u2028f\u2029g\u0000h\u007fi\tj");
        assertEquals("a b c\\rd\\u0085e\\u2028f\\u2029g\\u0000h\\u007fi\\tj", comment);
        assertTrue(comment.codePoints().noneMatch(UnsafeText::isUnsafe));
    }

    @Test
    void quotingRefusesEveryControlCharacter() {
        for (String name : List.of("a\rb", "a\nb", "a\u0085b", "a\u2028b", "a\u2029b", "a\u0001b", "a\tb")) {
            UnsafeNameException e = assertThrows(UnsafeNameException.class, () -> Identifiers.quote(name));
            assertFalse(e.getMessage().codePoints().anyMatch(UnsafeText::isUnsafe), e.getMessage());
        }
        assertEquals("\"Grüße; drop\"", Identifiers.quote("Grüße; drop"));
    }

    @Test
    void aSchemaNameWithACarriageReturnIsRefusedBeforeAnythingIsWritten() {
        UnsafeChangelogException e = assertThrows(UnsafeChangelogException.class, () -> new ChangelogWriter().write(
                directory, List.of(new Change.CreateSchema("s\rDROP TABLE x;")), "x", ChangelogFormat.YAML,
                java.time.Instant.EPOCH));
        assertTrue(e.getMessage().contains("create schema \"s\\rDROP TABLE x;\": the name"), e.getMessage());
        assertFalse(Files.exists(directory.resolve(MasterChangelog.DEFAULT_NAME)));
    }

    @Test
    void importSqlRefusesAFileNameWithAControlCharacter() throws Exception {
        Path folder = Files.createDirectories(directory.resolve("sql"));
        Files.writeString(folder.resolve("001_a\tb.sql"), "SELECT 1;");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SqlFolderImport().importFolder(folder, MasterChangelog.in(directory.resolve("changelogs"), null)));
        assertEquals("the file name \"001_a\\tb.sql\" holds a control character; rename the file first", e.getMessage());
        assertFalse(Files.exists(directory.resolve("changelogs")));
    }
}
