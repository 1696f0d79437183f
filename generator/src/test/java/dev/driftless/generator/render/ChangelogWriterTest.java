package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.model.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelogWriterTest {

    @TempDir
    Path directory;

    @Test
    void changelogsWrittenWithinOneSecondStillSortInCreationOrder() throws Exception {
        Instant now = Instant.parse("2026-11-21T22:00:00.700Z");
        ChangelogWriter writer = new ChangelogWriter();
        Path first = writer.write(directory, List.of(new Change.CreateSchema("zeta")), "zzz later name", ChangelogFormat.SQL, now).file();
        Path second = writer.write(directory, List.of(new Change.CreateSchema("alpha")), "aaa", ChangelogFormat.SQL,
                now.plusMillis(200)).file();

        assertEquals("20261121220000-zzz-later-name.sql", first.getFileName().toString());
        assertEquals("20261121220001-aaa.sql", second.getFileName().toString());
        assertTrue(first.getFileName().toString().compareTo(second.getFileName().toString()) < 0);
        assertTrue(Files.readString(second).contains("-- changeset driftless:20261121220001-1"));
        String master = Files.readString(directory.resolve(MasterChangelog.DEFAULT_NAME));
        assertTrue(master.indexOf(first.getFileName().toString()) < master.indexOf(second.getFileName().toString()));
    }
}
