package dev.driftless.changelogs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseConnection;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;

/**
 * The Liquibase extensions a project brings on its own class path: a {@code liquibase.database.Database} of its own
 * (often one that keeps Liquibase from quoting mixed-case names), change types, preconditions, SQL generators,
 * registered as Liquibase registers them, through {@code META-INF/services/liquibase.*} files.
 *
 * <p>The project's Liquibase itself ({@code liquibase-core}) is left out of the class loader: driftless runs its own
 * Liquibase 4.33, and a second copy of Liquibase's own services would register every built-in twice. Without any
 * service file of its own on the class path a project gets {@link #NONE}: Liquibase exactly as without a class path.
 *
 * <p>Why not {@link DatabaseFactory}: it is a process-wide singleton that reads the service files once, so the first
 * project to use it would decide every later one's database. The project's {@code Database} is looked up here on each
 * call, from the project's loader; change types and the other plugins are found through the scope's class loader,
 * which Liquibase's plugin factories read once per process, at their first use (in the CLI and a build, where one
 * process serves one project, that use is the project's).
 */
public final class LiquibaseExtensions {

    /** No extensions: Liquibase's built-in services only. */
    public static final LiquibaseExtensions NONE = new LiquibaseExtensions(null, List.of(), "");

    private static final String SERVICES = "META-INF/services/";
    private static final int MAX_BROKEN_PROVIDERS = 100;

    private final ClassLoader loader;
    private final List<String> services;
    private final String versions;

    private LiquibaseExtensions(ClassLoader loader, List<String> services, String versions) {
        this.loader = loader;
        this.services = List.copyOf(services);
        this.versions = versions;
    }

    /**
     * The extensions registered on {@code classPath} (folders of classes and jars, in class path order); {@link #NONE}
     * when none of its entries registers a Liquibase service.
     */
    public static LiquibaseExtensions fromClassPath(List<Path> classPath) {
        List<Path> kept = new ArrayList<>();
        List<String> services = new ArrayList<>();
        StringBuilder versions = new StringBuilder();
        for (Path entry : classPath) {
            Entry read = Files.isDirectory(entry) ? directory(entry) : Files.isRegularFile(entry) ? jar(entry) : null;
            if (read == null || read.liquibaseItself()) {
                continue;
            }
            kept.add(entry);
            for (String service : read.services()) {
                services.add(service + " (" + entry.getFileName() + ")");
            }
            if (!read.services().isEmpty()) {
                versions.append(entry).append('@').append(lastModified(entry)).append(';');
            }
        }
        if (services.isEmpty()) {
            return NONE;
        }
        URL[] urls = kept.stream().map(LiquibaseExtensions::url).toArray(URL[]::new);
        return new LiquibaseExtensions(new URLClassLoader("driftless-liquibase-extensions", urls,
                LiquibaseExtensions.class.getClassLoader()), services, versions.toString());
    }

    /** Whether the project registers any Liquibase service of its own. */
    public boolean present() {
        return loader != null;
    }

    /** The service files found, as {@code liquibase.database.Database (classes)}: for progress and doctor lines. */
    public List<String> services() {
        return services;
    }

    /**
     * What a cached result of reading the changelog must be keyed by: parsing, checksums and SQL may depend on the
     * project's extensions, so their service files and when their class path entries last changed.
     */
    public String fingerprint() {
        return String.join(",", services) + "|" + versions;
    }

    /** Puts the project's class loader into the values of the Liquibase scope a call runs in. */
    void addTo(Map<String, Object> scopeValues) {
        if (loader != null) {
            scopeValues.put(Scope.Attr.classLoader.name(), loader);
        }
    }

    /**
     * The {@link Database} for {@code connection}: the project's own implementation with the highest priority that
     * claims the connection, else the one Liquibase picks.
     */
    Database databaseFor(DatabaseConnection connection) throws Exception {
        for (Database candidate : projectDatabases()) {
            boolean claims = connection instanceof OfflineConnection offline
                    ? offline.isCorrectDatabaseImplementation(candidate)
                    : candidate.isCorrectDatabaseImplementation(connection);
            if (claims) {
                Database database = candidate.getClass().getConstructor().newInstance();
                database.setConnection(connection);
                return database;
            }
        }
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(connection);
    }

    private List<Database> projectDatabases() {
        if (loader == null) {
            return List.of();
        }
        List<Database> own = new ArrayList<>();
        java.util.Iterator<Database> found = ServiceLoader.load(Database.class, loader).iterator();
        // ServiceLoader recovers from a broken provider on a best-effort basis only: never loop on one for good
        for (int failures = 0; failures < MAX_BROKEN_PROVIDERS; ) {
            try {
                if (!found.hasNext()) {
                    break;
                }
                Database database = found.next();
                if (database.getClass().getClassLoader() == loader) {
                    own.add(database);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                // A provider whose class cannot load (a missing jar) is skipped, as Liquibase's own service locator
                // skips it; the ones that load still count.
                failures++;
            }
        }
        own.sort(Comparator.comparingInt(Database::getPriority).reversed());
        return own;
    }

    /** A class path entry as far as Liquibase is concerned: whether it is Liquibase itself, and its service files. */
    private record Entry(boolean liquibaseItself, List<String> services) {
    }

    private static Entry directory(Path entry) {
        Path folder = entry.resolve(SERVICES);
        if (!Files.isDirectory(folder)) {
            return new Entry(false, List.of());
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new Entry(Files.isRegularFile(entry.resolve("liquibase/Liquibase.class")),
                    files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("liquibase.")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry jar(Path entry) {
        try (JarFile jar = new JarFile(entry.toFile())) {
            boolean liquibase = jar.getEntry("liquibase/Liquibase.class") != null;
            List<String> services = liquibase ? List.of() : jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(SERVICES + "liquibase.") && !n.endsWith("/"))
                    .map(n -> n.substring(SERVICES.length())).sorted().toList();
            return new Entry(liquibase, services);
        } catch (IOException e) {
            // Not a jar: the entity reader reports it with its path; Liquibase has nothing to find in it.
            return null;
        }
    }

    /** A jar's own time, or a folder's newest file's: an extension compiled again changes it. */
    private static long lastModified(Path entry) {
        try (Stream<Path> files = Files.walk(entry)) {
            return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static URL url(Path entry) {
        try {
            return entry.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable class path entry: " + entry, e);
        }
    }

    @Override
    public String toString() {
        return present() ? "Liquibase extensions " + services : "no Liquibase extensions";
    }
}
