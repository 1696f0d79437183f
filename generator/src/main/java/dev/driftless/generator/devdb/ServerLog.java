package dev.driftless.generator.devdb;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The server's log file, which {@code pg_ctl start} appends to: kept from growing without bound, and read back
 * when a start fails, since the server says there why it would not start.
 */
final class ServerLog {

    /** How many lines of a log (or of a command's output) a failure message quotes. */
    static final int TAIL_LINES = 15;
    private static final long ROTATE_BYTES = 10L * 1024 * 1024;

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Moves a log over 10 MiB aside (to {@code <name>.1}, replacing an older one), so a new one begins. */
    void rotateIfLarge() {
        try {
            if (Files.exists(file) && Files.size(file) > ROTATE_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // keep appending to the large log
        }
    }

    /** Where the log ends now: {@link #readFrom} that offset later reads what was written meanwhile. */
    long end() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** What the log holds from {@code offset} on (its last MiB at most); empty if it cannot be read. */
    String readFrom(long offset) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = length < offset ? 0 : offset; // rotated or truncated meanwhile
            byte[] bytes = new byte[(int) Math.min(length - start, 1 << 20)];
            in.seek(length - bytes.length);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@link #TAIL_LINES} lines of {@code text}, leading and trailing blank space stripped. */
    static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
