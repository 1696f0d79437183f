package dev.driftless.api;

/** driftless's exit codes, the same for every command. */
public enum ExitCode {
    /** Success, or nothing to do. */
    OK(0),
    /** A failure: drift found, a changeset failed, changes pending where none may be. */
    FAILURE(1),
    /** The command could not run as asked: a bad flag, a bad configuration, an unreachable database. */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
