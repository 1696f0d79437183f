package dev.driftless.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL server binaries installed on this machine (a distribution's package, not the bundled ones): where the
 * installed client tools come from too, so a server started from them is one those tools can read.
 */
final class InstalledPostgres {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    /** A source build's default prefix; Debian/Ubuntu's and RHEL's (PGDG) per-version folders are listed below. */
    private static final Path SOURCE_BUILD = Path.of("/usr/local/pgsql/bin");

    private InstalledPostgres() {
    }

    /** The {@code bin} directory of the newest installed server that has initdb, pg_ctl, postgres and pg_dump. */
    static Optional<Path> newestBinDirectory() {
        List<Path> candidates = new ArrayList<>(List.of(SOURCE_BUILD));
        candidates.addAll(children(Path.of("/usr/lib/postgresql"), ""));
        candidates.addAll(children(Path.of("/usr"), "pgsql-"));
        return candidates.stream().filter(InstalledPostgres::complete)
                .map(bin -> new Candidate(bin, major(bin)))
                .filter(candidate -> candidate.major > 0)
                .max(Comparator.comparingInt(Candidate::major))
                .map(Candidate::bin);
    }

    private record Candidate(Path bin, int major) {
    }

    private static List<Path> children(Path parent, String prefix) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(child -> child.getFileName().toString().startsWith(prefix))
                    .map(child -> child.resolve("bin")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean complete(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore")
                .allMatch(name -> Files.isExecutable(bin.resolve(name)));
    }

    /** {@code postgres --version} (allowed as root), or 0 when it does not answer. */
    private static int major(Path bin) {
        try {
            Process process = new ProcessBuilder(bin.resolve("postgres").toString(), "--version")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return 0;
            }
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
