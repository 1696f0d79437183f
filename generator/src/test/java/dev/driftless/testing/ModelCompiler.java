package dev.driftless.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles entity sources the way an application build would, so tests can read real classes, including
 * models edited on the fly to see what the diff makes of a change.
 */
public final class ModelCompiler {

    /** The bundled example's sources, from any module directory of this project. */
    public static Path exampleSources() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/trading/src/main/java");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/trading/src/main/java not found above " + here);
    }

    /** Copies a source tree into {@code target}, so a test can edit the copy. */
    public static Path copySources(Path sources, Path target) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(sources.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in one source file of a copied tree; fails when the text is not there, so a test cannot edit nothing. */
    public static void edit(Path sources, String relativeFile, Map<String, String> replacements) {
        Path file = sources.resolve(relativeFile);
        try {
            String text = Files.readString(file);
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                if (!text.contains(r.getKey())) {
                    throw new IllegalArgumentException(relativeFile + " does not contain: " + r.getKey());
                }
                text = text.replace(r.getKey(), r.getValue());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every {@code .java} under {@code sources} into {@code classes} against the test class path. */
    public static Path compile(Path sources, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (Stream<Path> files = Files.walk(sources)) {
            Files.createDirectories(classes);
            List<String> args = new java.util.ArrayList<>(List.of(
                    "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-proc:none", "-nowarn", "-parameters"));
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
            StringWriter errors = new StringWriter();
            int status = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
                public void write(int b) {
                    errors.write(b);
                }
            }), args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("compiling " + sources + " failed:\n" + errors);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelCompiler() {
    }
}
