package dev.driftless.cli.command;

import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RunnerEvents;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Progress lines go to standard error, so standard output stays the command's result. */
final class Progress {

    /** A CI log hears about a changeset only when it is slow, so a hung one is visible and a quick one is one line. */
    static final Duration STILL_RUNNING_AFTER = Duration.ofSeconds(10);

    private Progress() {
    }

    static Consumer<String> to(PrintWriter err) {
        return line -> {
            err.println("... " + line);
            err.flush();
        };
    }

    /**
     * Changeset progress. On a terminal, one line per changeset, finished in place with its time (the command then
     * prints only its summary). Otherwise (a CI log) nothing per changeset, since the command's result lists each with
     * its time, except a "still running" line while one takes longer than {@link #STILL_RUNNING_AFTER}.
     */
    static Changesets changesets(PrintWriter err, String verb, boolean terminal) {
        return terminal ? inPlace(err, verb) : whenSlow(err, verb, STILL_RUNNING_AFTER);
    }

    /** Changeset progress that may hold a timer: close it when the run ends, however it ends. */
    interface Changesets extends RunnerEvents, AutoCloseable {
        @Override
        default void close() {
        }
    }

    private static Changesets inPlace(PrintWriter err, String verb) {
        return new Changesets() {
            /** A changeset's line waits for its time; a note (a batch's progress, say) ends it first. */
            private boolean lineOpen;

            @Override
            public synchronized void starting(int number, int total, PlannedChangeset changeset) {
                err.print(describe(number, total, verb, changeset) + " ... ");
                err.flush();
                lineOpen = true;
            }

            @Override
            public synchronized void finished(int number, int total, ExecutedChangeset changeset) {
                err.println((lineOpen ? "" : "[" + number + "/" + total + "] done in ")
                        + changeset.executionTime().toMillis() + " ms");
                err.flush();
                lineOpen = false;
            }

            @Override
            public synchronized void note(String message) {
                if (lineOpen) {
                    err.println();
                    lineOpen = false;
                }
                err.println("... " + message);
                err.flush();
            }
        };
    }

    static Changesets whenSlow(PrintWriter err, String verb, Duration after) {
        return new Changesets() {
            private ScheduledExecutorService timer;
            private ScheduledFuture<?> pending;

            @Override
            public synchronized void starting(int number, int total, PlannedChangeset changeset) {
                if (timer == null) {
                    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "driftless-progress");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                long started = System.nanoTime();
                String line = describe(number, total, verb, changeset);
                pending = timer.scheduleAtFixedRate(() -> {
                    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                    synchronized (err) {
                        err.println(line + " ... still running after " + seconds + " s");
                        err.flush();
                    }
                }, after.toMillis(), Math.max(after.toMillis(), 30_000), TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void finished(int number, int total, ExecutedChangeset changeset) {
                if (pending != null) {
                    pending.cancel(false);
                    pending = null;
                }
            }

            @Override
            public synchronized void close() {
                if (timer != null) {
                    timer.shutdownNow();
                    timer = null;
                }
            }

            @Override
            public void note(String message) {
                synchronized (err) {
                    err.println("... " + message);
                    err.flush();
                }
            }
        };
    }

    private static String describe(int number, int total, String verb, PlannedChangeset changeset) {
        return "[" + number + "/" + total + "] " + verb + " " + changeset.changeset().file() + " :: "
                + changeset.changeset().id() + (changeset.comment().isEmpty() ? "" : "  " + changeset.comment());
    }

    /** Whether standard error is a person's terminal rather than a log. */
    static boolean onTerminal() {
        return System.console() != null;
    }
}
