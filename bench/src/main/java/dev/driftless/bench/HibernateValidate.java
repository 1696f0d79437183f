package dev.driftless.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The anchor for {@code driftless validate}: Hibernate 7's own schema validation, as an application gets it with
 * {@code hibernate.hbm2ddl.auto=validate}: boot a SessionFactory for the entity classes against the database, and
 * let the schema validator compare. With mode {@code boot}, the same boot without any schema tool.
 *
 * <p>Usage: {@code HibernateValidate validate|boot JDBC_URL USER CLASS_LIST_FILE}; the password, if any, in
 * {@value #PASSWORD_VARIABLE}. Exit 0 when the SessionFactory was built (the schema validated), 1 when not.
 */
public final class HibernateValidate {

    static final String PASSWORD_VARIABLE = "BENCH_DB_PASSWORD";

    private HibernateValidate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !List.of("validate", "boot").contains(args[0])) {
            System.err.println("usage: HibernateValidate validate|boot JDBC_URL USER CLASS_LIST_FILE");
            System.exit(2);
        }
        List<String> classNames = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank()).toList();
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, args[1])
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, args[2])
                .applySetting(AvailableSettings.HBM2DDL_AUTO, args[0].equals("validate") ? "validate" : "none");
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            builder.applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, password);
        }
        StandardServiceRegistry registry = builder.build();
        ClassLoader loader = HibernateValidate.class.getClassLoader();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String name : classNames) {
                sources.addAnnotatedClass(Class.forName(name, false, loader));
            }
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                System.out.println(args[0].equals("validate") ? "Hibernate validated " + classNames.size() + " entities."
                        : "Hibernate booted " + classNames.size() + " entities.");
            }
        } catch (RuntimeException e) {
            System.out.println("Hibernate " + args[0] + " failed: " + e.getMessage());
            System.exit(1);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
