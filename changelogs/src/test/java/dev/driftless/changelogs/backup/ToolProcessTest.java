package dev.driftless.changelogs.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a child tool sees of driftless's secrets: a real child process prints its environment. */
class ToolProcessTest {

    @Test
    void theChildGetsItsPasswordAsPgpasswordAndNeverDriftlessPassword() {
        Path env = Path.of("/usr/bin/env");
        assumeTrue(Files.isExecutable(env), "no /usr/bin/env to print a child's environment");
        Map<String, String> ours = Map.of("DRIFTLESS_PASSWORD", "s3cret-of-the-parent", "PATH", "/usr/bin:/bin", "KEEP", "me");

        List<String> lines = ToolProcess.run(List.of(env.toString()), ToolProcess.environment(ours, "for-pg-dump", Map.of()))
                .output().lines().toList();
        assertTrue(lines.contains("PGPASSWORD=for-pg-dump"), lines::toString);
        assertTrue(lines.contains("KEEP=me"), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("DRIFTLESS_PASSWORD") || l.contains("s3cret")), lines::toString);

        List<String> withoutPassword = ToolProcess.run(List.of(env.toString()), ToolProcess.environment(ours, null, Map.of()))
                .output().lines().toList();
        assertFalse(withoutPassword.stream().anyMatch(l -> l.startsWith("PGPASSWORD") || l.contains("s3cret")),
                withoutPassword::toString);
    }

    @Test
    void aFailingToolReportsItsExitCodeAndOutput() {
        ToolProcess.Result result = ToolProcess.run(List.of("sh", "-c", "echo broken >&2; exit 3"),
                ToolProcess.environment(System.getenv(), null, Map.of()));
        assertEquals(3, result.exitCode());
        assertEquals("broken", result.firstLine());
    }
}
