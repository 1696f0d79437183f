package driftless.hibernate6;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Compiled by cli's Hibernate6 test helper against Hibernate ORM 6.6's jars and run in a class loader that has only
 * them: Hibernate 6.6 creating an application's schema as the application starts it (the settings carry
 * {@code jakarta.persistence.schema-generation.database.action=create}). The same boot as HibernateOracle does with
 * Hibernate 7. Only JDK types cross the class loader boundary.
 */
public final class Export {

    private Export() {
    }

    /** A framework that builds the SessionFactory itself from these settings (Spring Boot, Quarkus). */
    public static String create(ClassLoader entities, List<String> classNames, Map<String, Object> settings)
            throws ClassNotFoundException {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(entities).build();
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap);
        settings.forEach(builder::applySetting);
        MetadataSources sources = new MetadataSources(builder.build());
        for (String name : classNames) {
            Class<?> type = Class.forName(name, false, entities);
            if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class)) {
                sources.addAnnotatedClass(type);
            }
        }
        try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
            factory.getMetamodel(); // built: the schema is created
        }
        return org.hibernate.Version.getVersionString();
    }

    /** Plain Jakarta Persistence: the unit's persistence.xml, found through the context class loader. */
    public static String createUnit(String unit, Map<String, Object> settings) {
        try (EntityManagerFactory factory = Persistence.createEntityManagerFactory(unit, settings)) {
            factory.getMetamodel();
        }
        return org.hibernate.Version.getVersionString();
    }
}
