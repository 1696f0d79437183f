package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One {@code pg_restore} of a backup into a database, in one transaction (a failed restore changes nothing), replacing
 * the objects the backup holds and leaving everything else, the schemas themselves included, where it is (see
 * {@link RestoreList}). The objects keep the owners they had when the backup was taken, so the role that applies
 * migrations still owns its tables after someone else restored them; only when the restoring role cannot give them
 * those owners (a role missing on this server, or not one it may act as) are they restored as its own, and it is told.
 */
final class PgRestoreRun {

    private final Path pgRestore;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Duration lockTimeout;
    private final Consumer<String> notes;

    PgRestoreRun(Path pgRestore, String jdbcUrl, String user, String password, Duration lockTimeout,
                 Consumer<String> notes) {
        this.pgRestore = pgRestore;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.lockTimeout = lockTimeout;
        this.notes = notes;
    }

    void restore(Path file) {
        Path list = restoreList(file);
        try {
            ToolProcess.Result restored = run(file, list, true);
            if (restored.exitCode() != 0 && ownerCannotBeSet(restored.output())) {
                notes.accept("the backup's owners cannot be given back by this role (" + restored.firstLine()
                        + "): restoring with every object owned by the restoring role");
                restored = run(file, list, false);
            }
            if (restored.exitCode() != 0) {
                throw new BackupException("pg_restore failed, nothing was changed: " + restored.firstLine());
            }
        } finally {
            try {
                Files.deleteIfExists(list);
            } catch (IOException e) {
                // a temporary file of names, no data: left to the temporary directory's cleaner
            }
        }
    }

    private ToolProcess.Result run(Path file, Path list, boolean keepOwners) {
        List<String> command = new ArrayList<>(List.of(pgRestore.toString(), "--clean", "--if-exists",
                "--single-transaction", "--exit-on-error", "--no-password", "--use-list=" + list, file.toString()));
        if (!keepOwners) {
            command.add(command.size() - 1, "--no-owner");
        }
        String session = "driftless-restore-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        if (lockTimeout == null) {
            return PgDump.run(command, jdbcUrl, user, password, Map.of("PGAPPNAME", session));
        }
        ToolProcess.Result restored;
        String cancelledFor;
        try (LockWatch watch = LockWatch.start(jdbcUrl, user, password, session, lockTimeout, notes)) {
            restored = PgDump.run(command, jdbcUrl, user, password, Map.of("PGAPPNAME", session));
            cancelledFor = watch.cancelledFor();
        }
        if (cancelledFor != null) {
            throw new BackupException("another session held a lock on a table the restore replaces for longer than "
                    + lockTimeout.toSeconds() + " s (--lock-timeout): " + cancelledFor + "; nothing was changed. Let it"
                    + " finish, or end it, and run again");
        }
        return restored;
    }

    /** PostgreSQL 15 and older say "must be member of role", 16 and newer "must be able to SET ROLE". */
    private static boolean ownerCannotBeSet(String output) {
        return output.contains("must be member of role") || output.contains("must be able to SET ROLE")
                || (output.contains("ALTER") && output.contains("OWNER TO") && output.contains("does not exist"));
    }

    private Path restoreList(Path file) {
        ToolProcess.Result listed = ToolProcess.run(List.of(pgRestore.toString(), "--list", file.toString()),
                ToolProcess.environment(System.getenv(), null, Map.of()));
        if (listed.exitCode() != 0) {
            throw new BackupException("pg_restore cannot read " + file.getFileName() + ": " + listed.firstLine());
        }
        try {
            Path list = Files.createTempFile("driftless-restore-", ".list",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(list, RestoreList.without(listed.output(), existingSchemas()));
            return list;
        } catch (IOException e) {
            throw new BackupException("could not write pg_restore's list of objects to restore: " + e.getMessage());
        }
    }

    private Set<String> existingSchemas() {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        Set<String> schemas = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT nspname FROM pg_namespace")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new BackupException("could not read the target database's schemas before restoring: " + e.getMessage());
        }
        return schemas;
    }
}
