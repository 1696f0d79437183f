package dev.driftless.cli.fidelity;

import dev.driftless.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Hibernate ORM 6.6, as a Spring Boot 3 application runs it, in a class loader of its own: the jars
 * {@code testing/hibernate-6} copies into its {@code target/hibernate-6}, with the platform class loader as parent, so
 * nothing of the test class path (Hibernate 7, driftless) is seen. A tiny exporter
 * ({@code src/test/resources/hibernate-6}) is compiled against those jars here and boots Hibernate 6.6 the way
 * {@link HibernateOracle} boots Hibernate 7. One instance loads Hibernate once; each model gets a child loader.
 */
final class Hibernate6 implements AutoCloseable {

    private static final Path EXPORTER = Path.of("src/test/resources/hibernate-6");

    private final List<Path> jars;
    private final URLClassLoader loader;

    private Hibernate6(List<Path> jars, URLClassLoader loader) {
        this.jars = jars;
        this.loader = loader;
    }

    /** Compiles the exporter under {@code work} and loads Hibernate 6.6. */
    static Hibernate6 start(Path work) {
        List<Path> jars = jars();
        Path exporter = compile(jars, EXPORTER, work.resolve("hibernate-6-exporter"));
        List<Path> path = new ArrayList<>(jars);
        path.add(exporter);
        return new Hibernate6(jars, new URLClassLoader("hibernate-6", urls(path), ClassLoader.getPlatformClassLoader()));
    }

    /** The jars of {@code testing/hibernate-6/target/hibernate-6}, found from any module directory of this project. */
    static List<Path> jars() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path folder = dir.resolve("testing/hibernate-6/target/hibernate-6");
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("testing/hibernate-6/target/hibernate-6 not found above " + Path.of("").toAbsolutePath()
                + ": build with -am (the module testing/hibernate-6 copies Hibernate 6.6's jars there)");
    }

    /** The hibernate-core jar among {@link #jars()}. */
    Path hibernateCore() {
        return jars.stream().filter(j -> j.getFileName().toString().startsWith("hibernate-core-")).findFirst().orElseThrow();
    }

    /** {@code org.hibernate.Version} as this loader sees it. */
    String version() {
        try {
            return (String) loader.loadClass("org.hibernate.Version").getMethod("getVersionString").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@code className} comes from in this loader (a jar of {@link #jars()}), or "" when the JDK has it. */
    String origin(String className) throws ClassNotFoundException {
        var source = loader.loadClass(className).getProtectionDomain().getCodeSource();
        return source == null ? "" : source.getLocation().toString();
    }

    /** Compiles a model's sources against Hibernate 6.6's jars, as a Spring Boot 3 application's build does. */
    Path compile(Path sources, Path classes) {
        return compile(jars, sources, classes);
    }

    /**
     * Creates the schema of the entities compiled into {@code classes} (against {@link #compile}) in {@code database}
     * with Hibernate 6.6, booted as {@code oracle} says (its settings, or its persistence unit).
     *
     * @return the Hibernate version that created it
     */
    String create(HibernateOracle oracle, Path classes, Path resources, TestDatabase database) {
        Map<String, Object> settings = new HashMap<>(oracle.settings());
        settings.putAll(oracle.connection(database));
        // the driver from this loader; DriverManager would not hand a class of the test's loader to Hibernate 6
        settings.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        // Hibernate looks up services through the context class loader too: it must not find Hibernate 7's there
        settings.put("hibernate.classLoader.tccl_lookup_precedence", "never");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader entities = new URLClassLoader(urls(List.of(classes, resources)), loader)) {
            thread.setContextClassLoader(entities);
            // the context class loader is not looked at (above), so the persistence.xml is found through this one
            settings.put("hibernate.classLoaders", List.of(entities));
            Class<?> export = loader.loadClass("driftless.hibernate6.Export");
            if (oracle.unit() != null) {
                return (String) export.getMethod("createUnit", String.class, Map.class).invoke(null, oracle.unit(), settings);
            }
            return (String) export.getMethod("create", ClassLoader.class, List.class, Map.class)
                    .invoke(null, entities, HibernateOracle.classNames(classes), settings);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Hibernate 6 could not create the schema: " + e.getCause(), e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private static Path compile(List<Path> classpath, Path sources, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (Stream<Path> files = Files.walk(sources)) {
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(),
                    "-classpath", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                    "-proc:none", "-nowarn", "-parameters"));
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
            StringWriter errors = new StringWriter();
            int status = compiler.run(null, null, new PrintStream(new OutputStream() {
                public void write(int b) {
                    errors.write(b);
                }
            }), args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("compiling " + sources + " against Hibernate 6.6 failed:\n" + errors);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL[] urls(List<Path> paths) {
        return paths.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p.toString(), e);
            }
        }).toArray(URL[]::new);
    }
}
