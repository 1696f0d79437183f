package dev.driftless.changelogs;

/** What a running apply or rollback reports while it works, for progress output. Every method may be ignored. */
public interface RunnerEvents {

    /** Reports nothing. */
    RunnerEvents NONE = new RunnerEvents() {
    };

    /**
     * The migration lock is held and {@code plan} (not empty) is what this run will apply; nothing has changed yet. A
     * backup taken here cannot miss a change another run makes in between. Throwing stops the run before any change.
     */
    default void locked(java.util.List<PlannedChangeset> plan) {
    }

    /** Changeset {@code number} of {@code total} is about to run. */
    default void starting(int number, int total, PlannedChangeset changeset) {
    }

    /**
     * Changeset {@code number} of {@code total} ran (or was rolled back). Called on the runner's connection right after
     * its SQL, before its {@code DATABASECHANGELOG} record commits with it (unless it ran outside a transaction): what
     * is done on the connection here sees its changes and joins its transaction. Throwing stops the run, which then
     * fails as if the changeset had.
     */
    default void finished(int number, int total, ExecutedChangeset changeset) {
    }

    /**
     * Something worth a line: waiting for a lock, a stale lock released, an invalid index dropped, or a server notice
     * ({@code RAISE NOTICE}) of a {@code runInTransaction:false} changeset while it runs (a batch's progress), which
     * comes from another thread.
     */
    default void note(String message) {
    }
}
