package dev.driftless.cli.command;

import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RunnerEvents;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress lines go to standard error, so standard output stays the command's result. */
final class Progress {

    private Progress() {
    }

    static Consumer<String> to(PrintWriter err) {
        return line -> {
            err.println("... " + line);
            err.flush();
        };
    }

    /**
     * Changeset progress: on a terminal one line per changeset that is finished in place with its time; otherwise
     * (a CI log) a plain line when each starts and when it is done, so a hung changeset is visible in the log.
     */
    static RunnerEvents changesets(PrintWriter err, String verb, boolean terminal) {
        return new RunnerEvents() {
            @Override
            public void starting(int number, int total, PlannedChangeset changeset) {
                String line = "[" + number + "/" + total + "] " + verb + " " + changeset.changeset().file() + " :: "
                        + changeset.changeset().id() + (changeset.comment().isEmpty() ? "" : "  " + changeset.comment());
                if (terminal) {
                    err.print(line + " ... ");
                } else {
                    err.println(line);
                }
                err.flush();
            }

            @Override
            public void finished(int number, int total, ExecutedChangeset changeset) {
                String took = changeset.executionTime().toMillis() + " ms";
                err.println(terminal ? took : "[" + number + "/" + total + "] done in " + took);
                err.flush();
            }

            @Override
            public void note(String message) {
                err.println("... " + message);
                err.flush();
            }
        };
    }

    /** Whether standard error is a person's terminal rather than a log. */
    static boolean onTerminal() {
        return System.console() != null;
    }
}
