package dev.driftless.api;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The class path entries (folders, jars) that hold the given packages, as a class loader sees them: how the Java API
 * finds the entity classes of {@code entityPackages} without being told where they were compiled to.
 */
final class PackageRoots {

    private PackageRoots() {
    }

    /** Every folder or jar holding one of {@code packages}, in class path order; a package found nowhere is an error. */
    static List<Path> of(List<String> packages, ClassLoader loader) {
        Set<Path> roots = new LinkedHashSet<>();
        for (String name : packages) {
            List<Path> found = rootsOf(name, loader);
            if (found.isEmpty()) {
                throw new DriftlessException(ExitCode.USAGE, "the entity package " + name + " is not on the class path"
                        + " (is it compiled, and spelled as in the entities' package declaration?); or give the compiled"
                        + " classes with classes(...)");
            }
            roots.addAll(found);
        }
        return List.copyOf(roots);
    }

    private static List<Path> rootsOf(String packageName, ClassLoader loader) {
        String resource = packageName.replace('.', '/');
        try {
            return Collections.list(loader.getResources(resource)).stream()
                    .map(url -> root(url, resource)).filter(java.util.Objects::nonNull).toList();
        } catch (IOException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot look for the entity package " + packageName + ": "
                    + e.getMessage(), e);
        }
    }

    /** The folder the package folder sits in (up one level per name part), or the jar; null for other URLs. */
    private static Path root(URL url, String resource) {
        try {
            if (url.getProtocol().equals("file")) {
                Path folder = Path.of(url.toURI());
                for (int i = 0; i < resource.split("/").length; i++) {
                    folder = folder.getParent();
                }
                return folder;
            }
            if (url.getProtocol().equals("jar") && url.openConnection() instanceof JarURLConnection jar) {
                return Path.of(jar.getJarFileURL().toURI());
            }
            return null;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
