package dev.driftless.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.PlannedChangeset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress in a CI log: silent for a changeset that finishes, a line while one is slow, nothing after the run. */
class ProgressTest {

    private static final ChangesetRef REF = new ChangesetRef("db/1.sql", "1", "dev");
    private static final PlannedChangeset PLANNED = new PlannedChangeset(REF, "", List.of("SELECT 1"), true, false);

    @Test
    void aChangesetThatFinishesBeforeTheNoticeLeavesNoProgressLine() {
        StringWriter log = new StringWriter();
        try (Progress.Changesets progress = Progress.whenSlow(new PrintWriter(log), "applying", Duration.ofHours(1))) {
            progress.starting(1, 1, PLANNED);
            progress.finished(1, 1, new ExecutedChangeset(REF, Duration.ofMillis(3)));
        }
        assertEquals("", log.toString());
    }

    @Test
    void aSlowChangesetIsNamedWhileItRunsAndNoLongerOnceTheRunIsClosed() throws InterruptedException {
        StringWriter log = new StringWriter();
        PrintWriter err = new PrintWriter(log);
        try (Progress.Changesets progress = Progress.whenSlow(err, "applying", Duration.ofMillis(50))) {
            progress.starting(1, 2, PLANNED);
            waitForAnyLine(log, err);
        }
        String seen = textOf(log, err);
        assertTrue(seen.startsWith("[1/2] applying db/1.sql :: 1 ... still running after "), seen);
        Thread.sleep(200);
        assertEquals(seen, textOf(log, err), "a closed run prints nothing more");
    }

    @Test
    void onATerminalABatchsProgressNoteEndsTheChangesetsLineAndItsTimeFollowsOnALineOfItsOwn() {
        StringWriter log = new StringWriter();
        PrintWriter err = new PrintWriter(log);
        Progress.Changesets progress = Progress.changesets(err, "applying", true);
        progress.starting(1, 2, PLANNED);
        progress.note("t: batch 1, 1000 rows updated");
        progress.finished(1, 2, new ExecutedChangeset(REF, Duration.ofMillis(7)));
        progress.starting(2, 2, PLANNED);
        progress.finished(2, 2, new ExecutedChangeset(REF, Duration.ofMillis(3)));
        assertEquals(String.join(System.lineSeparator(), "[1/2] applying db/1.sql :: 1 ... ",
                "... t: batch 1, 1000 rows updated", "[1/2] done in 7 ms", "[2/2] applying db/1.sql :: 1 ... 3 ms", ""),
                log.toString());
    }

    private static void waitForAnyLine(StringWriter log, PrintWriter err) throws InterruptedException {
        for (int i = 0; i < 500 && textOf(log, err).isEmpty(); i++) {
            Thread.sleep(10);
        }
    }

    private static String textOf(StringWriter log, PrintWriter err) {
        synchronized (err) {
            return log.toString();
        }
    }
}
