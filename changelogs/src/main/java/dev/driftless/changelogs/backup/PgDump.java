package dev.driftless.changelogs.backup;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs PostgreSQL's own {@code pg_dump} and {@code pg_restore} against a server given by JDBC URL. Never a home-made
 * dump format. The password goes to the tools through {@code PGPASSWORD} in their environment, never on a command
 * line (where {@code ps} would show it).
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

    /** {@code pg_dump --format=custom} (compressed) of the database at {@code jdbcUrl} into {@code file}. */
    public void dump(String jdbcUrl, String user, String password, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-password",
                "--file=" + partial));
        run(command, jdbcUrl, user, password, "pg_dump");
        try {
            Files.move(partial, file);
        } catch (IOException e) {
            throw new BackupException("cannot move the dump into place at " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores {@code file} into the database at {@code jdbcUrl}, replacing the objects it contains, in one
     * transaction: a failed restore changes nothing.
     */
    public void restore(Path file, String jdbcUrl, String user, String password) {
        Path pgRestore = pgDump.resolveSibling(pgDump.getFileName().toString().replace("pg_dump", "pg_restore"));
        if (!Files.isExecutable(pgRestore)) {
            throw new BackupException("pg_restore was not found beside " + pgDump + ": install the PostgreSQL client tools");
        }
        run(new ArrayList<>(List.of(pgRestore.toString(), "--clean", "--if-exists", "--single-transaction",
                "--no-owner", "--exit-on-error", "--no-password", file.toString())), jdbcUrl, user, password, "pg_restore");
    }

    private static void run(List<String> command, String jdbcUrl, String user, String password, String tool) {
        Connection target = parse(jdbcUrl, user, password);
        command.add(1, "--dbname=" + target.libpqUrl());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (target.password() != null) {
            builder.environment().put("PGPASSWORD", target.password());
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new BackupException(tool + " failed: " + output.strip().lines().findFirst().orElse("exit " + process.exitValue()));
            }
        } catch (IOException e) {
            throw new BackupException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(tool + " was interrupted", e);
        }
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
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(output);
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
