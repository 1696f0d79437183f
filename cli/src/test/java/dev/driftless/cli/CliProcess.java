package dev.driftless.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI in a process of its own, started in a folder of our choosing, as a user's shell starts it: for what depends
 * on the working directory, and for two commands at once.
 */
final class CliProcess {

    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code driftless args} in {@code directory}, with the test's class path and no DRIFTLESS_* variables. */
    static CliProcess start(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("driftless-cli-", ".out");
        Path err = Files.createTempFile("driftless-cli-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DRIFTLESS_"));
        Process process = builder.start();
        process.getOutputStream().close();
        return new CliProcess(process, out, err);
    }

    static CliRun run(Path directory, String... args) throws IOException, InterruptedException {
        return start(directory, args).await();
    }

    /** Kills the command as {@code kill -9} would: no shutdown hook, no finally block runs. */
    void kill() {
        process.destroyForcibly();
    }

    /** Sends a signal as a shell's {@code kill -NAME} does (INT is what Ctrl-C sends to the foreground process). */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits for the command (a generous bound, so a hang fails the test instead of the build). */
    CliRun await() throws IOException, InterruptedException {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        try {
            return new CliRun(process.isAlive() ? -1 : process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
