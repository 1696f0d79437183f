package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs PostgreSQL's own {@code pg_dump} and {@code pg_restore} against a server given by JDBC URL. Never a home-made
 * dump format. The password goes to the tools through {@code PGPASSWORD} in their environment only, never on a
 * command line (where {@code ps} would show it); see {@link ToolProcess}.
 */
public final class PgDump {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?(?:\\?(.*))?");
    /** Debian and Ubuntu install each major version's client tools here, side by side. */
    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path pgDump;
    private final int major;

    private PgDump(Path pgDump, int major) {
        this.pgDump = pgDump;
        this.major = major;
    }

    /**
     * Finds a {@code pg_dump} at least as new as the server: {@code explicit} when given, else on {@code PATH}, else
     * the newest under {@code /usr/lib/postgresql/<version>/bin}.
     *
     * @throws BackupException in one line with the fix when there is none, or only an older one
     */
    public static PgDump locate(Path explicit, int serverMajor, String pathVariable) {
        List<Path> candidates = new ArrayList<>();
        if (explicit != null) {
            if (!Files.isExecutable(explicit)) {
                throw new BackupException("--pg-dump " + explicit + " is not an executable file");
            }
            candidates.add(explicit);
        } else {
            candidates.addAll(onPath(pathVariable));
            candidates.addAll(debianVersions());
        }
        PgDump best = null;
        for (Path candidate : candidates) {
            Optional<Integer> version = version(candidate);
            if (version.isPresent() && (best == null || version.get() > best.major)) {
                best = new PgDump(candidate, version.get());
            }
        }
        String fix = "install the PostgreSQL " + serverMajor + " client tools (Debian/Ubuntu: apt install postgresql-client-"
                + serverMajor + ") or pass --pg-dump /path/to/pg_dump";
        if (best == null) {
            throw new BackupException("pg_dump was not found" + (explicit == null ? " on PATH" : "") + ": " + fix);
        }
        if (best.major < serverMajor) {
            throw new BackupException("pg_dump " + best.major + " (" + best.pgDump + ") is older than the server (PostgreSQL "
                    + serverMajor + ") and cannot dump it: " + fix);
        }
        return best;
    }

    public Path path() {
        return pgDump;
    }

    public int major() {
        return major;
    }

    /**
     * {@code pg_dump --format=custom} (compressed) of the database at {@code jdbcUrl} into {@code file} (which may
     * exist: it is overwritten, its permissions kept), then {@code pg_restore --list} of it: a dump that pg_restore
     * cannot read is a failure, not a backup.
     *
     * @param lockTimeout how long pg_dump waits for a table another session holds exclusively
     */
    public void dump(String jdbcUrl, String user, String password, Path file, Duration lockTimeout) {
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-password",
                "--lock-wait-timeout=" + lockTimeout.toMillis(), "--file=" + file));
        ToolProcess.Result dumped = run(command, jdbcUrl, user, password, Map.of());
        if (dumped.exitCode() != 0) {
            throw new BackupException("pg_dump failed: " + lockHint(dumped.firstLine(), lockTimeout));
        }
        ToolProcess.Result listed = ToolProcess.run(List.of(pgRestore().toString(), "--list", file.toString()),
                ToolProcess.environment(System.getenv(), null, Map.of()));
        if (listed.exitCode() != 0 || !listed.output().contains("Archive created at")) {
            throw new BackupException("pg_dump wrote a file pg_restore cannot read: " + listed.firstLine());
        }
    }

    /**
     * Restores {@code file} into the database at {@code jdbcUrl}, replacing the objects it contains with their owners
     * and keeping everything else ({@link PgRestoreRun}), in one transaction: a failed restore changes nothing. It waits for locks other sessions hold as long as they hold
     * them: the archive's own header sets {@code lock_timeout = 0}, so a session setting cannot bound the wait.
     */
    public void restore(Path file, String jdbcUrl, String user, String password) {
        restore(file, jdbcUrl, user, password, null, message -> { });
    }

    /**
     * As {@link #restore(Path, String, String, String)}, saying whose lock the restore waits for, and giving up
     * (nothing changed: it runs in one transaction) when the wait passes {@code lockTimeout} (null: wait).
     */
    public void restore(Path file, String jdbcUrl, String user, String password, Duration lockTimeout,
                        java.util.function.Consumer<String> notes) {
        new PgRestoreRun(pgRestore(), jdbcUrl, user, password, lockTimeout, notes).restore(file);
    }

    private Path pgRestore() {
        Path pgRestore = pgDump.resolveSibling(pgDump.getFileName().toString().replace("pg_dump", "pg_restore"));
        if (!Files.isExecutable(pgRestore)) {
            throw new BackupException("pg_restore was not found beside " + pgDump + ": install the PostgreSQL client tools");
        }
        return pgRestore;
    }

    static ToolProcess.Result run(List<String> command, String jdbcUrl, String user, String password,
                                          Map<String, String> extraEnvironment) {
        Connection target = parse(jdbcUrl, user, password);
        command.add(1, "--dbname=" + target.libpqUrl());
        return ToolProcess.run(command, ToolProcess.environment(System.getenv(), target.password(), extraEnvironment));
    }

    /**
     * A lock timeout's error, said as what happened: another session held a lock longer than we wait. (pg_dump's
     * --lock-wait-timeout is a statement timeout around its LOCK TABLE statements, the only ones it bounds.)
     */
    private static String lockHint(String error, Duration lockTimeout) {
        if (!error.contains("lock timeout") && !error.contains("statement timeout") && !error.contains("could not obtain lock")) {
            return error;
        }
        return "another session held a lock on a table for longer than " + lockTimeout.toSeconds() + " s (--lock-timeout);"
                + " let it finish, or end it, and run again (" + error + ")";
    }

    /** A libpq URL without the password, and the password on its own. */
    record Connection(String libpqUrl, String password) {
    }

    static Connection parse(String jdbcUrl, String user, String password) {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new BackupException("cannot hand this URL to pg_dump; use jdbc:postgresql://host:port/database");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (m.group(3) != null) {
            for (String pair : m.group(3).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String effectiveUser = user != null ? user : parameters.get("user");
        String effectivePassword = password != null ? password : parameters.get("password");
        StringBuilder url = new StringBuilder("postgresql://").append(m.group(1)).append('/')
                .append(m.group(2) == null ? "" : m.group(2));
        List<String> query = new ArrayList<>();
        if (effectiveUser != null) {
            query.add("user=" + java.net.URLEncoder.encode(effectiveUser, StandardCharsets.UTF_8));
        }
        for (String key : List.of("sslmode", "sslrootcert", "sslcert", "sslkey", "options")) {
            if (parameters.containsKey(key)) {
                query.add(key + "=" + java.net.URLEncoder.encode(parameters.get(key), StandardCharsets.UTF_8));
            }
        }
        if (!query.isEmpty()) {
            url.append('?').append(String.join("&", query));
        }
        return new Connection(url.toString(), effectivePassword);
    }

    private static Optional<Integer> version(Path executable) {
        try {
            String output = ToolProcess.run(List.of(executable.toString(), "--version"),
                    ToolProcess.environment(System.getenv(), null, Map.of())).output();
            Matcher m = VERSION.matcher(output);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (BackupException e) {
            return Optional.empty();
        }
    }

    private static List<Path> onPath(String pathVariable) {
        List<Path> found = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    Path candidate = Path.of(dir, "pg_dump");
                    if (Files.isExecutable(candidate)) {
                        found.add(candidate);
                    }
                }
            }
        }
        return found;
    }

    private static List<Path> debianVersions() {
        if (!Files.isDirectory(DEBIAN_VERSIONS)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
            return versions.map(v -> v.resolve("bin/pg_dump")).filter(Files::isExecutable)
                    .sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
