package dev.driftless.generator.devdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One user at a time of an embedded server's data directory: the process that holds {@code <pgdata>.lock} owns the
 * server in it, and another command on the same project waits for it to finish instead of stopping its server (which
 * {@link EmbeddedServer#start} does to a server a killed process left behind). The operating system drops the lock
 * when its process dies, so a killed command never leaves it held. The file holds the owner's pid, for the message.
 */
final class DataDirectoryLock implements AutoCloseable {

    /**
     * File locks belong to a process: two threads of one JVM cannot both hold one (the second gets an
     * OverlappingFileLockException), so they queue here first. Keyed by the absolute data directory.
     */
    private static final ConcurrentHashMap<Path, Semaphore> IN_THIS_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 200;

    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DataDirectoryLock(Semaphore local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits up to {@code wait} for the data directory, telling {@code waiting} once that it waits and for whom.
     *
     * @throws IOException if it is still in use after {@code wait} (zero: not waiting at all)
     */
    static DataDirectoryLock acquire(Path dataDir, Duration wait, Consumer<String> waiting) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore local = IN_THIS_PROCESS.computeIfAbsent(dataDir, directory -> new Semaphore(1, true));
        Path file = lockFile(dataDir);
        boolean told = false;
        try {
            if (!local.tryAcquire()) {
                waiting.accept(waitingMessage(dataDir, file));
                told = true;
                if (!local.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
                    throw busy(dataDir, file, wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the embedded PostgreSQL in " + dataDir, e);
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = waitForFileLock(channel, dataDir, file, wait, deadline, told, waiting);
                channel.truncate(0).write(ByteBuffer.wrap(
                        Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
                return new DataDirectoryLock(local, channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private static FileLock waitForFileLock(FileChannel channel, Path dataDir, Path file, Duration wait, long deadline,
                                            boolean told, Consumer<String> waiting) throws IOException {
        for (boolean toldYet = told; ; ) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (remaining(deadline) <= 0) {
                throw busy(dataDir, file, wait);
            }
            if (!toldYet) {
                waiting.accept(waitingMessage(dataDir, file));
                toldYet = true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the embedded PostgreSQL in " + dataDir, e);
            }
        }
    }

    /** {@code .driftless/pgdata.lock} beside {@code .driftless/pgdata}: outside the data directory, which backups copy. */
    static Path lockFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String waitingMessage(Path dataDir, Path file) {
        return "waiting for another driftless command" + owner(file) + " that is using the embedded PostgreSQL in "
                + dataDir;
    }

    private static IOException busy(Path dataDir, Path file, Duration wait) {
        return new IOException("another driftless command" + owner(file) + " is using the embedded PostgreSQL in "
                + dataDir + (wait.isZero() ? "" : " and did not finish within " + wait.toMinutes() + " min")
                + "; run again when it has finished");
    }

    private static String owner(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.UTF_8).strip();
            return pid.matches("\\d+") && !pid.equals(Long.toString(ProcessHandle.current().pid()))
                    ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case; a failure leaves nothing held
        } finally {
            local.release();
        }
    }
}
