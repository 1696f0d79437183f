package dev.driftless.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept under {@code src/test/resources}, compared as text so a change shows as a
 * readable diff. {@code -Ddriftless.golden.update=true} rewrites them (then review {@code git diff}).
 */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(String resource, String actual) {
        Path file = Path.of("src/test/resources").resolve(resource);
        try {
            if (Boolean.getBoolean("driftless.golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + file + " is missing; create it with -Ddriftless.golden.update=true and review it");
            }
            assertEquals(Files.readString(file), actual, "output differs from " + file
                    + " (if the change is intended: -Ddriftless.golden.update=true, then review git diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
