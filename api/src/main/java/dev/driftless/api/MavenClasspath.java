package dev.driftless.api;

import dev.driftless.generator.cache.DerivedCache;
import dev.driftless.generator.cache.Fingerprint;
import dev.driftless.generator.entity.ApplicationHibernate;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The runtime class path of a Maven module, as its own build resolves it ({@code dependency:build-classpath}), offline
 * first, then online. Cached under {@code .driftless/cache}, keyed by every pom.xml of the build: Maven runs again
 * when a pom changes or a cached entry has gone from disk.
 */
final class MavenClasspath {

    private static final String CACHE_KIND = "maven-classpath";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int TAIL_LINES = 20;

    private final MavenModule module;
    private final DerivedCache cache;

    MavenClasspath(MavenModule module, DerivedCache cache) {
        this.module = module;
        this.cache = cache;
    }

    /**
     * @param entries     the class path, without the application's own hibernate-core (see {@link #parse})
     * @param how         where it came from, for the progress line: "cached", "mvn, offline", ...
     * @param application the application's own hibernate-core, left out of {@code entries}, if it has one
     */
    record Resolved(List<Path> entries, String how, Optional<ApplicationHibernate> application) {
        Resolved(String classpath, String how) {
            this(parse(classpath), how, ApplicationHibernate.find(all(classpath)));
        }

        String describe() {
            return entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies") + " from Maven (" + how + ")";
        }
    }

    /** The class path a former run resolved, while the poms are as they were; never runs Maven. */
    Optional<List<Path>> cached() {
        return cachedText().map(MavenClasspath::parse);
    }

    private Optional<String> cachedText() {
        return cache.get(CACHE_KIND, key(), String.class)
                .filter(classpath -> all(classpath).stream().allMatch(Files::exists));
    }

    Resolved resolve() {
        Optional<String> cached = cachedText();
        if (cached.isPresent()) {
            return new Resolved(cached.get(), "cached until a pom.xml changes");
        }
        String key = key();
        String command = module.mavenCommand().get(0);
        String shown = command.equals("mvn") ? "mvn" : "./" + Path.of(command).getFileName();
        Attempt offline = run(true);
        Attempt used = offline.succeeded() ? offline : run(false);
        if (!used.succeeded()) {
            throw new DriftlessException(ExitCode.USAGE, "Maven could not resolve the class path of " + module.directory()
                    + " (" + shown + " dependency:build-classpath, " + used.describeExit() + "); its last lines:\n"
                    + tail(used.output()) + "\nfix the build, or set 'classes' and 'classpath' in " + Config.FILE_NAME);
        }
        cache.put(CACHE_KIND, key, used.classpath());
        return new Resolved(used.classpath(), shown + (used.offline() ? ", offline" : ", online"));
    }

    private String key() {
        Fingerprint fingerprint = Fingerprint.of(CACHE_KIND + "/1").text(module.directory().toString())
                .text(module.buildRoot().toString());
        module.poms().forEach(pom -> fingerprint.text(module.buildRoot().relativize(pom).toString()).contents(pom));
        return fingerprint.hex();
    }

    private record Attempt(boolean offline, int exitCode, boolean timedOut, String output, String classpath) {
        boolean succeeded() {
            return !timedOut && exitCode == 0 && classpath != null;
        }

        String describeExit() {
            return timedOut ? "timed out after " + TIMEOUT.toMinutes() + " min" : "exit code " + exitCode;
        }
    }

    private Attempt run(boolean offline) {
        Path outputFile = null;
        Path log = null;
        try {
            outputFile = Files.createTempFile("driftless-classpath-", ".txt");
            log = Files.createTempFile("driftless-maven-", ".log");
            List<String> command = new ArrayList<>(module.mavenCommand());
            command.addAll(List.of("-B", "-q"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(selection());
            command.addAll(List.of("dependency:build-classpath", "-Dmdep.outputFile=" + outputFile,
                    "-Dmdep.includeScope=runtime"));
            Process process = new ProcessBuilder(command).directory(module.buildRoot().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            int exit = finished ? process.exitValue() : -1;
            String classpath = exit == 0 && Files.exists(outputFile) ? Files.readString(outputFile, StandardCharsets.UTF_8).strip() : null;
            return new Attempt(offline, exit, !finished, output, classpath);
        } catch (IOException e) {
            return new Attempt(offline, -1, false, "could not run " + module.mavenCommand().get(0) + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException(ExitCode.FAILURE, "interrupted while Maven resolved the class path", e);
        } finally {
            deleteQuietly(outputFile);
            deleteQuietly(log);
        }
    }

    /** In a multi-module build, the module and what it depends on in the reactor; the module's output is written last. */
    private List<String> selection() {
        if (module.directory().equals(module.buildRoot())) {
            return List.of();
        }
        String relative = module.buildRoot().relativize(module.directory()).toString().replace('\\', '/');
        return List.of("-pl", relative, "-am");
    }

    /**
     * Without the application's own Hibernate ORM: the entities are read with the bundled one, and a second
     * hibernate-core would offer Hibernate's service loader a second, other-version set of its services.
     */
    private static List<Path> parse(String classpath) {
        return all(classpath).stream().filter(entry -> !entry.getFileName().toString().startsWith("hibernate-core-"))
                .toList();
    }

    private static List<Path> all(String classpath) {
        return classpath.isBlank() ? List.of()
                : Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left in /tmp
        }
    }
}
