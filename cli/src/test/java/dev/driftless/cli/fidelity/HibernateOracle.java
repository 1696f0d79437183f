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
 * used here.
 */
interface HibernateOracle {

    /** Creates the schema of the entities compiled into {@code classes} in {@code database}. */
    void create(Path classes, Path resources, TestDatabase database);

    /** A framework that builds the {@code SessionFactory} itself from these settings (Spring Boot, Quarkus). */
    static HibernateOracle settings(Map<String, String> settings) {
        return settings(settings, "");
    }

    /** The same, with further parameters on the JDBC URL ({@code currentSchema=...}), as the application's URL has. */
    static HibernateOracle settings(Map<String, String> settings, String urlParameters) {
        return (classes, resources, database) -> {
            try (URLClassLoader loader = loader(classes, resources)) {
                BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
                StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap);
                settings.forEach(builder::applySetting);
                connection(database, urlParameters).forEach(builder::applySetting);
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
        };
    }

    /** Plain Jakarta Persistence: {@code Persistence.createEntityManagerFactory} reads the unit's persistence.xml. */
    static HibernateOracle persistenceUnit(String unit) {
        return (classes, resources, database) -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            try (URLClassLoader loader = loader(classes, resources)) {
                thread.setContextClassLoader(loader);
                try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, connection(database, ""))) {
                    factory.getMetamodel();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        };
    }

    private static Map<String, Object> connection(TestDatabase database, String urlParameters) {
        Map<String, Object> settings = new HashMap<>();
        String url = urlParameters.isEmpty() ? database.url()
                : database.url() + (database.url().contains("?") ? "&" : "?") + urlParameters;
        settings.put(AvailableSettings.JAKARTA_JDBC_URL, url);
        settings.put(AvailableSettings.JAKARTA_JDBC_USER, database.user());
        if (!database.password().isEmpty()) {
            settings.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, database.password());
        }
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "create");
        return settings;
    }

    private static URLClassLoader loader(Path classes, Path resources) throws MalformedURLException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL(), resources.toUri().toURL()},
                HibernateOracle.class.getClassLoader());
    }

    private static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString())
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }
}
