package dev.driftless.changelogs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;

/**
 * A changeset's post-conditions: {@code -- validate: SELECT …} lines in its SQL, each a query whose first column of
 * its first row must be {@code true}. They run after the changeset's statements, on the runner's connection, inside
 * the changeset's transaction (its commit is held, see {@link HoldingConnection}); a false, NULL or empty result, or
 * an error, fails the changeset, whose work is then rolled back. Liquibase's preconditions are the other end: they
 * decide before a changeset whether it runs.
 *
 * <p>To Liquibase the lines are comments, so they change nothing it does, and are part of the checksum like any text.
 */
final class PostConditions {

    private static final Pattern VALIDATE = Pattern.compile("^\\s*--\\s*validate:\\s*(.+?)\\s*;?\\s*$", Pattern.MULTILINE);

    private PostConditions() {
    }

    /** The checks in {@code changeSet}'s SQL (formatted SQL, or an {@code sql} change in YAML or XML), in order. */
    static List<String> of(ChangeSet changeSet) {
        List<String> checks = new ArrayList<>();
        for (Change change : changeSet.getChanges()) {
            if (change instanceof AbstractSQLChange sql && sql.getSql() != null) {
                Matcher m = VALIDATE.matcher(sql.getSql());
                while (m.find()) {
                    checks.add(m.group(1));
                }
            }
        }
        return checks;
    }

    /**
     * Runs the checks in order and stops at the first that does not hold.
     *
     * @throws ChangelogException naming the check and what it returned
     */
    static void verify(List<String> checks, Connection connection) {
        for (String check : checks) {
            String failed = failure(check, connection);
            if (failed != null) {
                throw new ChangelogException("post-condition failed: " + check + " " + failed
                        + "; the changeset was rolled back");
            }
        }
    }

    /** Why {@code check} does not hold, or null when it does. */
    private static String failure(String check, Connection connection) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(check)) {
            if (!rows.next()) {
                return "returned no row";
            }
            Object value = rows.getObject(1);
            if (value == null) {
                return "returned NULL";
            }
            if (!(value instanceof Boolean holds)) {
                return "returned " + value + ", not true or false (write it as a condition, e.g. count(*) = 0)";
            }
            return holds ? null : "returned false";
        } catch (SQLException e) {
            return "could not run: " + Failures.describe(e);
        }
    }
}
