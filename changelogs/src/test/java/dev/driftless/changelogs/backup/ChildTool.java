package dev.driftless.changelogs.backup;

import java.util.List;

/** A driftless stand-in in its own JVM, running a long tool the way a backup runs pg_dump, for a test to kill. */
public final class ChildTool {

    private ChildTool() {
    }

    public static void main(String[] args) {
        ToolProcess.run(List.of(args), ToolProcess.environment(System.getenv(), null, java.util.Map.of()));
    }
}
