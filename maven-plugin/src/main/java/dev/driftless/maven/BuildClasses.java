package dev.driftless.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * What the build knows about the entity classes: the project's compiled classes and those of the modules of this
 * build it depends on (a library module holding the entities) are scanned for entities; every other runtime
 * dependency is class path only. The build resolved them already, so driftless never runs Maven a second time.
 *
 * @param classes   scanned for {@code @Entity} classes: existing output directories or jars of this build's modules
 * @param classpath the project's other runtime dependencies, in the build's order
 * @param sources   the source roots of the project and of those modules, for the file and line of findings
 */
record BuildClasses(List<Path> classes, List<Path> classpath, List<Path> sources) {

    static BuildClasses of(MavenProject project, MavenSession session) {
        Map<String, MavenProject> reactor = session.getProjects().stream()
                .collect(Collectors.toMap(BuildClasses::key, Function.identity(), (a, b) -> a));
        Set<Path> classes = new LinkedHashSet<>();
        classes.add(Path.of(project.getBuild().getOutputDirectory()));
        Set<Path> sources = new LinkedHashSet<>(roots(project));
        List<Path> classpath = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            File file = artifact.getFile();
            if (file == null || !artifact.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            MavenProject sibling = reactor.get(artifact.getGroupId() + ":" + artifact.getArtifactId());
            if (sibling != null) {
                classes.add(file.toPath());
                sources.addAll(roots(sibling));
            } else {
                classpath.add(file.toPath());
            }
        }
        return new BuildClasses(classes.stream().filter(Files::exists).toList(), classpath,
                sources.stream().filter(Files::isDirectory).toList());
    }

    /** Classes and class path together, for a configuration that names its own entity classes. */
    List<Path> everything() {
        return Stream.concat(classes.stream(), classpath.stream()).toList();
    }

    /** The hand-written source roots: generated ones under the build directory have no history and no entities' lines. */
    private static List<Path> roots(MavenProject project) {
        Path build = Path.of(project.getBuild().getDirectory());
        return project.getCompileSourceRoots().stream().map(Path::of).filter(root -> !root.startsWith(build)).toList();
    }

    private static String key(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}
