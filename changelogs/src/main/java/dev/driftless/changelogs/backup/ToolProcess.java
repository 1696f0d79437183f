package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one PostgreSQL client tool (pg_dump, pg_restore) to the end, and makes sure it ends with us.
 *
 * <p>The child's environment is ours less {@code DRIFTLESS_PASSWORD}; the password it needs, if any, is put in
 * its {@code PGPASSWORD} only (never on a command line, where {@code ps} shows it, and never in our own
 * environment). A shutdown hook destroys the child when driftless is stopped (Ctrl-C, SIGTERM), so a killed backup
 * leaves no pg_dump running behind it.
 */
final class ToolProcess {

    static final String DRIFTLESS_PASSWORD = "DRIFTLESS_PASSWORD";

    /** What a finished tool said (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {

        String firstLine() {
            return output.strip().lines().findFirst().orElse("exit " + exitCode);
        }
    }

    private ToolProcess() {
    }

    /** The environment for a child: {@code inherited} less our password, plus {@code extra} (may be empty). */
    static Map<String, String> environment(Map<String, String> inherited, String password, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(inherited);
        environment.remove(DRIFTLESS_PASSWORD);
        if (password != null) {
            environment.put("PGPASSWORD", password);
        }
        environment.putAll(extra);
        return environment;
    }

    /** Runs {@code command} in {@code environment} (replacing, not adding to, ours) and waits for it. */
    static Result run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        // The hook is in place before the child exists: a SIGTERM right after the start must still reach the child.
        java.util.concurrent.atomic.AtomicReference<Process> started = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reaper = new Thread(() -> {
            synchronized (started) {
                if (started.get() != null) {
                    destroy(started.get());
                }
            }
        }, "driftless-stop-" + command.get(0));
        Runtime.getRuntime().addShutdownHook(reaper);
        Process process;
        synchronized (started) {
            try {
                process = builder.start();
            } catch (IOException e) {
                Runtime.getRuntime().removeShutdownHook(reaper);
                throw new BackupException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
            }
            started.set(process);
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new BackupException(command.get(0) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(command.get(0) + " was interrupted", e);
        } finally {
            destroy(process);
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now, and destroys the child
            }
        }
    }

    private static void destroy(Process process) {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
