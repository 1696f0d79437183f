package dev.driftless.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one tool as a user would: a separate process, timed whole (JVM start to exit), its peak memory taken by
 * {@code /usr/bin/time -v} ("Maximum resident set size": the largest resident set of the process, or of any
 * descendant it waited for; daemons it starts, such as an embedded PostgreSQL started with {@code pg_ctl}, are not
 * counted). Standard error is read line by line as it arrives and each line is stamped with the time since the
 * start, so a tool's own progress lines give a coarse breakdown of where its time goes.
 */
final class ChildProcess {

    static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private ChildProcess() {
    }

    /** A stderr line and when it arrived, in milliseconds since the process was started. */
    record StampedLine(long millis, String line) {
    }

    /**
     * @param peakKilobytes the peak resident set size in KiB, or -1 when /usr/bin/time is not available
     */
    record Result(int exitCode, long wallNanos, long peakKilobytes, String stdout, List<StampedLine> stderr,
                  boolean timedOut) {
        double wallSeconds() {
            return wallNanos / 1e9;
        }

        String stderrText() {
            StringBuilder text = new StringBuilder();
            stderr.forEach(l -> text.append(l.line()).append('\n'));
            return text.toString();
        }

        /** The tail of both streams, for a failure message. */
        String tail() {
            List<String> lines = new ArrayList<>(stdout.lines().toList());
            stderr.forEach(l -> lines.add(l.line()));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        }
    }

    static boolean canMeasureMemory() {
        return Files.isExecutable(GNU_TIME);
    }

    static Result run(List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout,
                      Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path stdout = Files.createTempFile(scratch, "stdout-", ".txt");
            Path timeReport = Files.createTempFile(scratch, "time-", ".txt");
            try {
                List<String> full = new ArrayList<>();
                boolean measured = canMeasureMemory();
                if (measured) {
                    full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", timeReport.toString()));
                }
                full.addAll(command);
                ProcessBuilder builder = new ProcessBuilder(full)
                        .directory(workingDirectory.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                Map<String, String> env = builder.environment();
                // The children choose nothing from the benchmark's own environment: no developer database.
                env.keySet().removeIf(name -> name.startsWith("DRIFTLESS_") || name.startsWith("LIQUIBASE_")
                        || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
                env.putAll(environment);

                long start = System.nanoTime();
                Process process = builder.start();
                List<StampedLine> stderr = new ArrayList<>();
                Thread reader = new Thread(() -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            long at = (System.nanoTime() - start) / 1_000_000;
                            synchronized (stderr) {
                                stderr.add(new StampedLine(at, line));
                            }
                        }
                    } catch (IOException e) {
                        // the process is gone; what was read is kept
                    }
                }, "bench-stderr");
                reader.setDaemon(true);
                reader.start();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                long wall = System.nanoTime() - start;
                if (!finished) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                reader.join(5_000);
                String out = Files.readString(stdout, StandardCharsets.UTF_8);
                long peak = measured ? peakKilobytes(Files.readString(timeReport, StandardCharsets.UTF_8)) : -1;
                List<StampedLine> lines;
                synchronized (stderr) {
                    lines = List.copyOf(stderr);
                }
                return new Result(finished ? process.exitValue() : -1, wall, peak, out, lines, !finished);
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(timeReport);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    static long peakKilobytes(String timeReport) {
        Matcher m = MAX_RSS.matcher(timeReport);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
