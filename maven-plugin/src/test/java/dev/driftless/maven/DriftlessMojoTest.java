package dev.driftless.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/**
 * How a goal's outcome becomes Maven's: a configuration error fails the goal's execution, a failure fails the build,
 * both with the one-line message and never a password; a skipped goal and an aggregator do nothing. (What the goals do
 * is proven by the nested builds under src/it.)
 */
class DriftlessMojoTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/shop?user=app&password=hunter2";

    @Test
    void aConfigurationErrorEndsTheExecutionWithItsMessageMasked() {
        Goal goal = new Goal(() -> {
            throw new DriftlessException(ExitCode.USAGE, "cannot connect to " + URL + " (is the server running?)");
        });
        MojoExecutionException e = assertThrows(MojoExecutionException.class, goal::execute);
        assertEquals("cannot connect to jdbc:postgresql://db.example:5432/shop?user=app&password=*** (is the server"
                + " running?)", e.getMessage());
        assertEquals(null, e.getCause(), "no cause: Maven would print its message, password and all");
    }

    @Test
    void aFailureFailsTheBuildWithItsReportMasked() {
        Goal drift = new Goal(() -> {
            throw new DriftlessException(ExitCode.FAILURE, "a changeset failed on " + URL);
        });
        MojoFailureException e = assertThrows(MojoFailureException.class, drift::execute);
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("a changeset failed on jdbc:postgresql://db.example"), e.getMessage());

        Goal report = new Goal(() -> {
            throw new MojoFailureException("Drift: 1 difference(s) between the entities and " + URL);
        });
        assertFalse(assertThrows(MojoFailureException.class, report::execute).getMessage().contains("hunter2"));
    }

    @Test
    void anUnexpectedErrorIsAnExecutionErrorPointingAtDashX() {
        Goal goal = new Goal(() -> {
            throw new IllegalStateException("the server said no to " + URL);
        });
        MojoExecutionException e = assertThrows(MojoExecutionException.class, goal::execute);
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(run again with -X for the full cause)"), e.getMessage());
    }

    @Test
    void aSkippedGoalAndAnAggregatorDoNothing() throws Exception {
        Goal skipped = new Goal(() -> {
            throw new AssertionError("ran although skipped");
        });
        skipped.skip = true;
        skipped.execute();

        Goal aggregator = new Goal(() -> {
            throw new AssertionError("ran in an aggregator");
        });
        aggregator.project.setPackaging("pom");
        aggregator.execute();

        int[] runs = {0};
        new Goal(() -> runs[0]++).execute();
        assertEquals(1, runs[0]);
    }

    /** A goal whose work is given. */
    private static final class Goal extends DriftlessMojo {
        private final Work work;

        Goal(Work work) {
            this.work = work;
            this.project = new MavenProject();
        }

        @Override
        void run() throws MojoFailureException {
            work.run();
        }

        @Override
        String goal() {
            return "test";
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws MojoFailureException;
    }
}
