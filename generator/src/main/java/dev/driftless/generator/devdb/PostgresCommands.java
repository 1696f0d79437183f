package dev.driftless.generator.devdb;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's binaries from one bin directory, their output captured, never shown. PostgreSQL refuses to
 * run as root, so when this JVM is root each binary runs under {@code unshare --user} (see {@link EmbeddedServer}
 * for why that passes PostgreSQL's checks yet keeps root's access to files and signals).
 */
final class PostgresCommands {

    static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path binDirectory;
    /** Empty when not root; {@code [/usr/bin/unshare, --user]} when root. */
    private final List<String> launcher;

    private PostgresCommands(Path binDirectory, List<String> launcher) {
        this.binDirectory = binDirectory;
        this.launcher = launcher;
    }

    /**
     * The binaries in {@code binDirectory}, run in a user namespace when this JVM is root.
     *
     * @throws IOException if this JVM is root and there is no {@code unshare} to leave root with
     */
    static PostgresCommands in(Path binDirectory) throws IOException {
        return new PostgresCommands(binDirectory, launcher());
    }

    /** The command line that runs binary {@code name} of the bin directory with {@code arguments}; a new list. */
    List<String> command(String name, String... arguments) {
        List<String> command = new ArrayList<>(launcher);
        command.add(binary(binDirectory, name));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The path of binary {@code name} in {@code binDir} ({@code .exe} on Windows). */
    static String binary(Path binDir, String name) {
        return binDir.resolve(WINDOWS ? name + ".exe" : name).toString();
    }

    private static List<String> launcher() throws IOException {
        if (WINDOWS || !isRoot()) {
            return List.of();
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "unshare");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return List.of(candidate.toString(), "--user");
            }
        }
        throw new IOException("could not start the embedded PostgreSQL: PostgreSQL refuses to run as root, and"
                + " driftless runs it in a user namespace when root, which needs the 'unshare' command, not found on"
                + " PATH; run as a non-root user or install util-linux");
    }

    private static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            return false; // no Unix credentials to ask (module or native library missing)
        }
    }

    /** How a command ended, and all it printed (stdout and stderr together). */
    record ProcessResult(int exitCode, boolean timedOut, Duration timeout, String output) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        String describeExit() {
            return timedOut ? "timed out after " + timeout.toSeconds() + " s" : "exit code " + exitCode;
        }
    }

    /** Runs a command with output (stdout and stderr) captured in a string, never shown. */
    static ProcessResult run(List<String> command, Duration timeout) throws IOException {
        Path output = Files.createTempFile("driftless-postgres-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    // A file, not a pipe: pg_ctl's daemon child could otherwise hold the pipe open.
                    .redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            // Nothing of the user's connection settings, and never the target's password, reaches the server.
            environment.keySet().removeIf(name -> name.startsWith("PG") || name.equals("DRIFTLESS_PASSWORD"));
            environment.put("LC_ALL", "C");
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.get(0), e);
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (text.contains("unshare failed")) {
                throw new IOException("could not start the embedded PostgreSQL: PostgreSQL refuses to run as root,"
                        + " and running it in a user namespace ('unshare --user') is not permitted here (a"
                        + " container's seccomp profile or a sysctl may forbid user namespaces); run as a non-root"
                        + " user. unshare said: " + text.strip());
            }
            return new ProcessResult(finished ? process.exitValue() : -1, !finished, timeout, text);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs a command for its effect alone: a failure is left for whatever comes next to notice. */
    static void runQuietly(List<String> command, Duration timeout) {
        try {
            run(command, timeout);
        } catch (IOException e) {
            // best effort
        }
    }
}
