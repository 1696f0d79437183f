package dev.driftless.changelogs.backup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Stopping driftless (SIGTERM, as Ctrl-C or a CI's cancel does) stops the tool it runs: no pg_dump left behind. */
@Tag("reliability")
class KilledBackupTest {

    @Test
    void theToolDiesWithDriftless() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process driftless = new ProcessBuilder(java, "-cp", classpath, ChildTool.class.getName(), "sleep", "600")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Optional<ProcessHandle> tool = Optional.empty();
        try {
            tool = waitForChild(driftless);
            assertTrue(tool.isPresent(), "the tool never started");

            driftless.destroy(); // SIGTERM: shutdown hooks run
            assertTrue(driftless.waitFor(60, TimeUnit.SECONDS), "driftless did not stop");
            try {
                tool.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // asserted next
            }
            assertFalse(tool.get().isAlive(), "the tool outlived driftless");
        } finally {
            tool.ifPresent(ProcessHandle::destroyForcibly);
            driftless.destroyForcibly();
        }
    }

    private static Optional<ProcessHandle> waitForChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Optional<ProcessHandle> sleep = parent.children()
                    .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false)).findFirst();
            if (sleep.isPresent()) {
                return sleep;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }
}
