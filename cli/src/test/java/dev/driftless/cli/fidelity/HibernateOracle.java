package dev.driftless.cli.fidelity;

import dev.driftless.testing.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The test's oracle: Hibernate itself creating an application's schema in an empty database, the way the application
 * starts it ({@code jakarta.persistence.schema-generation.database.action=create} while its {@code SessionFactory} is
 * built, as {@code ddl-auto=create} does), with the settings its framework hands Hibernate. Nothing of driftless is
 * used here. {@link #create} runs the Hibernate on the test class path (7.x, the one driftless bundles);
 * {@link Hibernate6} runs the same boot with Hibernate 6.6.
 *
 * @param settings      the Hibernate settings a framework that builds the {@code SessionFactory} itself hands it
 *                      (Spring Boot, Quarkus)
 * @param urlParameters further parameters on the JDBC URL ({@code currentSchema=...}), as the application's URL has
 * @param unit          the persistence unit plain Jakarta Persistence boots from the persistence.xml, or {@code null}
 */
record HibernateOracle(Map<String, String> settings, String urlParameters, String unit) {

    static HibernateOracle settings(Map<String, String> settings) {
        return settings(settings, "");
    }

    static HibernateOracle settings(Map<String, String> settings, String urlParameters) {
        return new HibernateOracle(Map.copyOf(settings), urlParameters, null);
    }

    /** Plain Jakarta Persistence: {@code Persistence.createEntityManagerFactory} reads the unit's persistence.xml. */
    static HibernateOracle persistenceUnit(String unit) {
        return new HibernateOracle(Map.of(), "", unit);
    }

    /** Creates the schema of the entities compiled into {@code classes} in {@code database}. */
    void create(Path classes, Path resources, TestDatabase database) {
        if (unit != null) {
            createUnit(classes, resources, database);
            return;
        }
        try (URLClassLoader loader = loader(classes, resources)) {
            BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
            StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap);
            settings.forEach(builder::applySetting);
            connection(database).forEach(builder::applySetting);
            StandardServiceRegistry registry = builder.build();
            MetadataSources sources = new MetadataSources(registry);
            for (String name : classNames(classes)) {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)
                        || type.isAnnotationPresent(jakarta.persistence.Embeddable.class)) {
                    sources.addAnnotatedClass(type);
                }
            }
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                factory.getMetamodel(); // built: the schema is created
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private void createUnit(Path classes, Path resources, TestDatabase database) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = loader(classes, resources)) {
            thread.setContextClassLoader(loader);
            try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, connection(database))) {
                factory.getMetamodel();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The connection to {@code database} and the schema action, as settings (the same names in Hibernate 6 and 7). */
    Map<String, Object> connection(TestDatabase database) {
        Map<String, Object> connection = new HashMap<>();
        String url = urlParameters.isEmpty() ? database.url()
                : database.url() + (database.url().contains("?") ? "&" : "?") + urlParameters;
        connection.put(AvailableSettings.JAKARTA_JDBC_URL, url);
        connection.put(AvailableSettings.JAKARTA_JDBC_USER, database.user());
        if (!database.password().isEmpty()) {
            connection.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, database.password());
        }
        connection.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
        return connection;
    }

    private static URLClassLoader loader(Path classes, Path resources) throws MalformedURLException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
                HibernateOracle.class.getClassLoader());
    }

    static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString())
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }
}
