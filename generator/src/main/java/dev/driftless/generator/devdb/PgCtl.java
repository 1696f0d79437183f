package dev.driftless.generator.devdb;

import dev.driftless.generator.devdb.PostgresCommands.ProcessResult;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts and stops the server of one data directory with {@code pg_ctl}, and reads its {@code postmaster.pid}.
 * The server is a daemon: it runs on after {@code pg_ctl start} returns, until something stops it.
 */
final class PgCtl {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Passed to {@code pg_ctl -t}; below {@link #TIMEOUT} so pg_ctl gives up, and says why, first. */
    private static final int WAIT_SECONDS = 30;
    private static final int START_ATTEMPTS = 3;

    private final PostgresCommands commands;
    private final Path dataDir;

    PgCtl(PostgresCommands commands, Path dataDir) {
        this.commands = commands;
        this.dataDir = dataDir;
    }

    /** A server {@code pg_ctl start} left running: where it listens, and its postmaster's process id. */
    record Running(int port, long postmasterPid) {
    }

    /**
     * Starts the server on a free port of 127.0.0.1, its log appended to {@code log}.
     *
     * @param durable {@code false} turns off fsync, synchronous commit and full-page writes
     * @throws IOException if it does not start; the message ends with the tail of what it wrote to the log
     */
    Running start(ServerLog log, boolean durable) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            long logOffset = log.end();
            List<String> command = commands.command("pg_ctl", "-D", dataDir.toString(), "-w",
                    "-t", Integer.toString(WAIT_SECONDS), "-l", log.file().toString(),
                    "-o", serverOptions(port, durable), "start");
            ProcessResult result = PostgresCommands.run(command, TIMEOUT);
            if (result.succeeded()) {
                long pid = postmasterPid()
                        .orElseThrow(() -> new IOException("could not start the embedded PostgreSQL in " + dataDir
                                + ": pg_ctl reported success but left no readable postmaster.pid"));
                return new Running(port, pid);
            }
            String newLog = log.readFrom(logOffset);
            // Not ours, or a server that failed to come up in time: do not leave it running.
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                stopQuietly();
            }
            boolean portTaken = newLog.contains("could not bind") || newLog.contains("Address already in use");
            if (portTaken && attempt < START_ATTEMPTS) {
                continue; // another process took the port between our probe and the server's bind
            }
            throw new IOException(startFailure(result, newLog));
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}), whichever it is; the result says whether pg_ctl managed. */
    ProcessResult stop() throws IOException {
        return PostgresCommands.run(stopCommand(), TIMEOUT);
    }

    /**
     * A previous server on this data directory whose JVM was killed (stop it), or a stale postmaster.pid. A pid
     * file naming a dead process is left for PostgreSQL, which recognises it as stale (and also checks that no
     * orphaned backend still uses the old shared memory, which needs the file).
     */
    void stopLeftover() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid();
        if (pid.isEmpty()) {
            // Empty or garbled (a crash while a server was starting): PostgreSQL would refuse to start.
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isPresent() && !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            // The PID now belongs to an unrelated process (say, after a reboot). PostgreSQL would refuse to start
            // ("lock file already exists"), since as far as it can tell that process may be a postmaster.
            Files.deleteIfExists(pidFile);
            return;
        }
        stopQuietly();
        // if it would not stop, the start fails and reports why
    }

    /** The process id postmaster.pid names; empty if there is none or it cannot be read. */
    Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void stopQuietly() {
        PostgresCommands.runQuietly(stopCommand(), TIMEOUT);
    }

    private List<String> stopCommand() {
        return commands.command("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w",
                "-t", Integer.toString(WAIT_SECONDS), "stop");
    }

    private static String serverOptions(int port, boolean durable) {
        // pg_ctl hands these to /bin/sh, hence the shell quoting of the empty socket directory list.
        StringBuilder options = new StringBuilder("-p ").append(port).append(" -c listen_addresses=127.0.0.1");
        if (!PostgresCommands.WINDOWS) {
            options.append(" -c unix_socket_directories=''");
        }
        if (!durable) {
            options.append(" -F -c synchronous_commit=off -c full_page_writes=off");
        }
        return options.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private String startFailure(ProcessResult result, String newLog) {
        String reason = newLog.lines()
                .filter(line -> line.contains("FATAL:") || line.contains("PANIC:") || line.contains("ERROR:"))
                .reduce((first, second) -> second)
                .map(line -> line.substring(Math.max(line.indexOf("FATAL:"),
                        Math.max(line.indexOf("PANIC:"), line.indexOf("ERROR:")))).strip())
                .orElseGet(() -> "pg_ctl start failed (" + result.describeExit() + ")");
        StringBuilder message = new StringBuilder("could not start the embedded PostgreSQL in ")
                .append(dataDir).append(": ").append(reason);
        String pgCtlOutput = result.output().strip();
        if (!pgCtlOutput.isEmpty()) {
            message.append("\npg_ctl said:\n").append(ServerLog.tail(pgCtlOutput));
        }
        String tail = ServerLog.tail(newLog);
        message.append(tail.isEmpty() ? "\n(the server log is empty)" : "\nserver log (last lines):\n" + tail);
        return message.toString();
    }
}
