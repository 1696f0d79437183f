package dev.driftless.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Gradle project a command runs in, and the root of the build it belongs to: enough for zero set-up without
 * running Gradle (the compiled classes and resources are where Gradle's conventions put them). driftless does not run
 * Gradle, so it does not resolve the project's dependencies: entities that need a library besides JPA and Hibernate
 * need {@code classpath:} in driftless.yaml.
 *
 * @param directory the project's folder (holding its {@code build.gradle} or {@code build.gradle.kts})
 * @param buildRoot the nearest folder at or above it with a {@code settings.gradle(.kts)}, else the project itself
 */
public record GradleProject(Path directory, Path buildRoot) {

    private static final List<String> BUILD_FILES = List.of("build.gradle", "build.gradle.kts");
    private static final List<String> SETTINGS_FILES = List.of("settings.gradle", "settings.gradle.kts");
    /** Where the java and kotlin plugins compile the main source set. */
    private static final List<String> CLASS_FOLDERS = List.of("build/classes/java/main", "build/classes/kotlin/main");

    /** The project whose build file is nearest to {@code from} (itself or a parent), if any. */
    static Optional<GradleProject> nearest(Path from) {
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (holdsAnyOf(dir, BUILD_FILES)) {
                return Optional.of(new GradleProject(dir, buildRoot(dir)));
            }
        }
        return Optional.empty();
    }

    /** The compiled main classes: Java's, and Kotlin's too when there are any; Java's alone before the first build. */
    public List<Path> classes() {
        List<Path> compiled = CLASS_FOLDERS.stream().map(directory::resolve).filter(Files::isDirectory).toList();
        return compiled.isEmpty() ? List.of(directory.resolve(CLASS_FOLDERS.get(0))) : compiled;
    }

    /** Whether {@code entry} is one of this project's class folders (compiled or not yet). */
    boolean owns(Path entry) {
        Path absolute = entry.toAbsolutePath().normalize();
        return CLASS_FOLDERS.stream().map(directory::resolve).anyMatch(absolute::equals);
    }

    /** How to tell the user to compile: {@code ./gradlew classes} when the build has a wrapper. */
    public String compileHint() {
        boolean wrapper = Files.isRegularFile(directory.resolve("gradlew")) || Files.isRegularFile(buildRoot.resolve("gradlew"));
        return (wrapper ? "./gradlew" : "gradle") + " classes";
    }

    private static Path buildRoot(Path project) {
        for (Path dir = project; dir != null; dir = dir.getParent()) {
            if (holdsAnyOf(dir, SETTINGS_FILES)) {
                return dir;
            }
        }
        return project;
    }

    private static boolean holdsAnyOf(Path dir, List<String> names) {
        return names.stream().anyMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }
}
