package dev.driftless.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the tools the benchmark runs are, in a built checkout of driftless: the {@code ./driftless} launcher
 * (cli/target/driftless.jar), the harness's own classes and class path (Hibernate 7), and the anchors' class paths
 * that bench/tools/* write to their target/classpath.txt.
 */
record Layout(Path root, Path launcher, Path cliJar, Path benchClasses, List<Path> benchClasspath,
              List<Path> liquibaseClasspath, List<Path> liquibaseHibernateClasspath, Path java) {

    static final String BUILD = "./mvnw -q -DskipTests package -pl bench -am";

    /** The checkout above {@code start}: the first directory up that holds the launcher and cli/pom.xml. */
    static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("driftless")) && Files.isRegularFile(dir.resolve("cli/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no driftless checkout (a directory with ./driftless and cli/pom.xml) above "
                + start.toAbsolutePath());
    }

    static Layout of(Path root) {
        Path bench = root.resolve("bench");
        Layout layout = new Layout(root, root.resolve("driftless"), root.resolve("cli/target/driftless.jar"),
                bench.resolve("target/classes"), classpath(bench.resolve("target/classpath.txt")),
                classpath(bench.resolve("tools/liquibase/target/classpath.txt")),
                classpath(bench.resolve("tools/liquibase-hibernate/target/classpath.txt")),
                Path.of(System.getProperty("java.home"), "bin", "java"));
        for (Path required : List.of(layout.cliJar, layout.benchClasses)) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(required + " is missing: build first with " + BUILD);
            }
        }
        return layout;
    }

    private static List<Path> classpath(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build first with " + BUILD);
        }
        try {
            String text = Files.readString(file).strip();
            List<Path> paths = new ArrayList<>();
            Arrays.stream(text.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).forEach(paths::add);
            return List.copyOf(paths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** The Hibernate 7 class path: the harness's classes (its validate main), then its dependencies. */
    String hibernateClasspath(Path modelClasses) {
        List<Path> all = new ArrayList<>(List.of(modelClasses, benchClasses));
        all.addAll(benchClasspath);
        return join(all);
    }
}
