package dev.driftless.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command's project is, whichever of its folders the command runs from: the same project root, hence the
 * same embedded database under {@code .driftless/}, from the build root, a module or a source folder.
 *
 * @param configFile the driftless.yaml in use (given, or the nearest one above the working directory), or {@code null}
 * @param base       what relative paths of the configuration are resolved against: the file's folder, else the Maven
 *                   module's (or Gradle project's), else the working directory
 * @param root       the project root, where {@code .driftless/} lives: the file's folder, else the build's root, else
 *                   the working directory
 * @param module     the Maven module the command runs in, or {@code null} outside a Maven build
 * @param gradle     the Gradle project the command runs in when it is in no Maven module, or {@code null}
 */
public record ProjectLayout(Path configFile, Path base, Path root, MavenModule module, GradleProject gradle) {

    /** @param explicitConfig {@code --config}, or {@code null} */
    public static ProjectLayout discover(Path workingDirectory, Path explicitConfig) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        Path config = explicitConfig != null ? cwd.resolve(explicitConfig).normalize() : nearestConfig(cwd).orElse(null);
        Path start = explicitConfig != null ? config.getParent() : cwd;
        MavenModule module = MavenModule.nearest(start).orElse(null);
        GradleProject gradle = module != null ? null : GradleProject.nearest(start).orElse(null);
        Path root = config != null ? config.getParent() : module != null ? module.buildRoot()
                : gradle != null ? gradle.buildRoot() : cwd;
        Path base = config != null ? config.getParent() : module != null ? module.directory()
                : gradle != null ? gradle.directory() : cwd;
        return new ProjectLayout(config, base, root, module, gradle);
    }

    /** The nearest driftless.yaml at or above {@code from}, not looking past the top of a git repository. */
    private static Optional<Path> nearestConfig(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(Config.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return Optional.empty();
    }
}
