package dev.driftless.cli.command;

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
}
