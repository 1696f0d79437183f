package dev.driftless.cli.command;

import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RunnerEvents;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while changesets run (apply, rollback). The JVM's default answer, exiting at once, leaves Liquibase's lock row
 * set and says nothing about what was applied. Here the first Ctrl-C lets the running changeset finish and stops
 * before the next, so every lock is released the usual way and the command says what it did; a second Ctrl-C aborts
 * the running changeset (the server rolls its transaction back when the connection goes).
 *
 * <p>{@code sun.misc.Signal} is the JDK's only way to handle SIGINT without ending the JVM; it is in every JDK 17+
 * (module jdk.unsupported). Where it is missing the default behaviour stays.
 */
final class Interruption implements RunnerEvents, AutoCloseable {

    /** What a run stopped by Ctrl-C exits with, as a shell expects of SIGINT (128 + 2). */
    static final int EXIT_CODE = 130;

    private final RunnerEvents progress;
    private final PrintWriter err;
    private final AtomicInteger signals = new AtomicInteger();
    private final List<ExecutedChangeset> finished = new ArrayList<>();
    private final SignalHandler previous;

    private Interruption(RunnerEvents progress, PrintWriter err) {
        this.progress = progress;
        this.err = err;
        this.previous = install(this::interrupted);
    }

    /** Handles Ctrl-C until {@link #close()}, passing every event on to {@code progress}. */
    static Interruption around(RunnerEvents progress, PrintWriter err) {
        return new Interruption(progress, err);
    }

    /** Thrown into the runner before the next changeset starts; the runner fails the run and releases its locks. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by Ctrl-C before this changeset started");
        }
    }

    private void interrupted(Signal signal) {
        if (signals.incrementAndGet() == 1) {
            err.println();
            err.println("Ctrl-C: stopping after the running changeset (press Ctrl-C again to abort it; its transaction"
                    + " is rolled back).");
            err.flush();
            return;
        }
        err.println("Ctrl-C again: aborting the running changeset.");
        err.flush();
        Runtime.getRuntime().halt(EXIT_CODE);
    }

    @Override
    public void starting(int number, int total, PlannedChangeset changeset) {
        if (signals.get() > 0) {
            throw new Stopped();
        }
        progress.starting(number, total, changeset);
    }

    @Override
    public synchronized void finished(int number, int total, ExecutedChangeset changeset) {
        finished.add(changeset);
        progress.finished(number, total, changeset);
    }

    @Override
    public void note(String message) {
        progress.note(message);
    }

    /**
     * The command's exit code when {@code failure} is the run ending because of a Ctrl-C: says what was {@code verb}
     * (applied, rolled back) before it stopped. Any other failure is thrown on.
     */
    int exitAfter(RuntimeException failure, String verb) {
        if (!stoppedBy(failure)) {
            throw failure;
        }
        List<ExecutedChangeset> done = finished();
        err.println("Stopped by Ctrl-C after " + done.size() + " changeset(s) " + verb + "; every lock is released."
                + " Run the command again to go on.");
        done.forEach(c -> err.println(verb + " " + c.changeset().file() + " :: " + c.changeset().id() + " ("
                + c.executionTime().toMillis() + " ms)"));
        err.flush();
        return EXIT_CODE;
    }

    private static boolean stoppedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Stopped) {
                return true;
            }
        }
        return false;
    }

    private synchronized List<ExecutedChangeset> finished() {
        return List.copyOf(finished);
    }

    @Override
    public void close() {
        if (previous != null) {
            install(previous);
        }
    }

    private static SignalHandler install(SignalHandler handler) {
        try {
            return Signal.handle(new Signal("INT"), handler);
        } catch (IllegalArgumentException | LinkageError e) {
            return null; // no SIGINT to handle here (e.g. started with -Xrs): the JVM's default stays
        }
    }
}
