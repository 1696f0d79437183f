package dev.driftless.generator.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The entity sources directory inside a git work tree, read through the {@code git} command: which files changed
 * since a revision (committed, staged, unstaged or untracked), and the sources as they were at that revision.
 */
public final class GitSources {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path sources;

    private GitSources(Path sources) {
        this.sources = sources;
    }

    /** The sources directory when it lies in a git work tree and git is installed; otherwise empty. */
    public static Optional<GitSources> open(Path sources) {
        if (!Files.isDirectory(sources)) {
            return Optional.empty();
        }
        try {
            Result inside = run(sources, "rev-parse", "--is-inside-work-tree");
            return inside.ok() && inside.text().strip().equals("true") ? Optional.of(new GitSources(sources)) : Optional.empty();
        } catch (HistoryException e) {
            return Optional.empty(); // no git on this machine
        }
    }

    /** The commit a revision names; {@code HEAD}, a branch, a tag, {@code HEAD~3}… Empty when there is none. */
    public Optional<String> commit(String revision) {
        Result result = run(sources, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return result.ok() ? Optional.of(result.text().strip()) : Optional.empty();
    }

    /** The {@code .java} files under the sources directory that differ between {@code commit} and the working tree. */
    public List<String> changedJavaFiles(String commit) {
        TreeSet<String> files = new TreeSet<>();
        files.addAll(nulSeparated(check(run(sources, "diff", "--name-only", "--relative", "--no-renames", "-z", commit, "--", "."))));
        files.addAll(nulSeparated(check(run(sources, "ls-files", "--others", "--exclude-standard", "-z", "--", "."))));
        return files.stream().filter(f -> f.endsWith(".java")).toList();
    }

    /** The sources directory as it was at {@code commit}. */
    public SourceTree at(String commit) {
        return new SourceTree() {
            private List<String> files;

            public List<String> javaFiles() {
                if (files == null) {
                    files = nulSeparated(check(run(sources, "ls-tree", "-r", "--name-only", "-z", commit, "--", ".")))
                            .stream().filter(f -> f.endsWith(".java")).toList();
                }
                return files;
            }

            public Optional<String> read(String path) {
                Result result = run(sources, "show", commit + ":./" + path);
                return result.ok() ? Optional.of(result.text()) : Optional.empty();
            }
        };
    }

    private static List<String> nulSeparated(String text) {
        return Arrays.stream(text.split("\0")).filter(s -> !s.isEmpty()).toList();
    }

    private static String check(Result result) {
        if (!result.ok()) {
            throw new HistoryException("git failed: " + result.error().strip());
        }
        return result.text();
    }

    record Result(int exit, String text, String error) {
        boolean ok() {
            return exit == 0;
        }
    }

    private static Result run(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off", "-C", directory.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            CompletableFuture<byte[]> error = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new HistoryException("git " + String.join(" ", args) + " took longer than " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(error.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HistoryException("could not run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException("interrupted while running git", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
