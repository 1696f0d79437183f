package dev.driftless.maven;

import dev.driftless.api.Driftless;
import dev.driftless.changelogs.HistoryEntry;
import org.apache.maven.plugins.annotations.Mojo;

/** Lists the applied changesets, oldest first, as {@code driftless history}. */
@Mojo(name = "history", threadSafe = true)
public final class HistoryMojo extends DriftlessMojo {

    @Override
    String goal() {
        return "history";
    }

    @Override
    void run() {
        Driftless.HistoryResult history = driftless(config()).history();
        if (history.entries().isEmpty()) {
            info("No changesets applied to " + history.target() + " yet.");
            return;
        }
        for (HistoryEntry e : history.entries()) {
            info(e.appliedAt() + "  " + e.changeset().file() + " :: " + e.changeset().id() + " (" + e.changeset().author()
                    + ")  " + (e.executionTime() == null ? "-" : e.executionTime().toMillis() + " ms")
                    + (e.execType() != null && !e.execType().equals("EXECUTED") ? "  " + e.execType() : "")
                    + (e.tag() != null ? "  [tag " + e.tag() + "]" : ""));
        }
        info(history.entries().size() + " changeset(s) applied.");
    }
}
