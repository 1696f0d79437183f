package dev.driftless.generator.entity;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Class-path entries as a user gives them: a list, a {@code :}-joined string (what {@code mvn dependency:build-classpath}
 * and {@code gradle} print), folders of jars ({@code lib/} means its jars, as {@code lib/*} does for {@code java}),
 * and globs ({@code libs/*.jar}, {@code build/**}{@code /*.jar}). Relative entries are relative to {@code base}.
 * A missing entry, a glob that matches nothing and a file that is not a jar are errors naming the entry.
 */
public final class ClassPathEntries {

    /** An entry the class path cannot use; the message names it. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    private ClassPathEntries() {
    }

    /**
     * @param value   a string or a list of strings (from YAML, a flag, a plugin), or {@code null}
     * @param setting what the entries are, for messages ({@code classpath}, {@code classes})
     */
    public static List<Path> parse(Path base, Object value, String setting) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String text : texts(value)) {
            for (String part : text.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (!part.isBlank()) {
                    entries.addAll(entry(base, part.strip(), setting));
                }
            }
        }
        return List.copyOf(entries);
    }

    private static List<String> texts(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Iterable<?> items) {
            List<String> texts = new ArrayList<>();
            items.forEach(item -> texts.add(String.valueOf(item)));
            return texts;
        }
        if (value instanceof Object[] items) {
            return Arrays.stream(items).map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static List<Path> entry(Path base, String text, String setting) {
        if (isGlob(text)) {
            List<Path> matched = glob(base, text);
            if (matched.isEmpty()) {
                throw new Invalid(setting + " entry " + text + " matches no file");
            }
            return matched.stream().map(p -> checked(p, setting)).toList();
        }
        Path path = base.resolve(text).normalize();
        if (!Files.exists(path)) {
            throw new Invalid(setting + " entry " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            List<Path> jars = jarsIn(path);
            if (!jars.isEmpty()) {
                // a folder of jars: the folder itself stays (it may hold classes too), its jars follow
                List<Path> all = new ArrayList<>(List.of(path));
                all.addAll(jars);
                return all;
            }
            return List.of(path);
        }
        return List.of(checked(path, setting));
    }

    private static boolean isGlob(String text) {
        return text.contains("*") || text.contains("?") || text.contains("[") || text.contains("{");
    }

    /** The files under the glob's fixed leading directories that match it, sorted. */
    private static List<Path> glob(Path base, String text) {
        String normalised = text.replace('\\', '/');
        int firstWild = firstWildcard(normalised);
        int slash = normalised.lastIndexOf('/', firstWild);
        Path root = base.resolve(slash < 0 ? "." : normalised.substring(0, slash + 1)).normalize();
        String pattern = slash < 0 ? normalised : normalised.substring(slash + 1);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> !f.equals(root) && matcher.matches(root.relativize(f)))
                    .map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstWildcard(String text) {
        int first = text.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = text.indexOf(c);
            if (at >= 0) {
                first = Math.min(first, at);
            }
        }
        return first;
    }

    private static List<Path> jarsIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory, or a file that is a zip (a jar) by its first bytes. */
    private static Path checked(Path path, String setting) {
        if (Files.isDirectory(path)) {
            return path;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                return path;
            }
        } catch (IOException e) {
            throw new Invalid(setting + " entry " + path + " cannot be read: " + e.getMessage());
        }
        throw new Invalid(setting + " entry " + path + " is not a jar or a directory");
    }
}
