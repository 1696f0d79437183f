package dev.driftless.changelogs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

/** A separate JVM that applies a changelog, as a second release pipeline (or one about to be killed) would. */
public final class ChildApply {

    private ChildApply() {
    }

    /** Arguments: JDBC URL, user, password ("" for none), changelog directory, lock timeout in seconds. */
    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", args[1]);
        if (!args[2].isEmpty()) {
            properties.setProperty("password", args[2]);
        }
        try (Connection connection = DriverManager.getConnection(args[0], properties)) {
            ChangelogRunner runner = new ChangelogRunner(connection, Path.of(args[3]));
            ApplyResult result = runner.apply(ApplyOptions.defaults().withLockTimeout(Duration.ofSeconds(Long.parseLong(args[4]))),
                    new RunnerEvents() {
                        @Override
                        public void starting(int number, int total, PlannedChangeset changeset) {
                            System.out.println("starting " + number + " of " + total);
                            System.out.flush();
                        }

                        @Override
                        public void note(String message) {
                            System.out.println("note " + message);
                            System.out.flush();
                        }
                    });
            System.out.println("applied " + result.applied().size());
        } catch (ChangelogException e) {
            System.out.println("error " + e.getMessage());
            System.exit(1);
        }
    }
}
