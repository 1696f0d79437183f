package dev.driftless.generator.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings the application gives its Hibernate, read from its own configuration files in its resource folders:
 * Spring Boot's {@code application.properties}/{@code application.yml} (with profiles), Quarkus's
 * {@code application.properties}, {@code hibernate.properties} and {@code META-INF/persistence.xml}. Every value is
 * said as the Hibernate setting it becomes ({@code hibernate.physical_naming_strategy}, {@code hibernate.default_schema},
 * ...), with the file it came from.
 *
 * @param framework what configured it ("Spring Boot", "Quarkus", "hibernate.properties", "persistence.xml"), or
 *                  {@code null} when no configuration file was found
 * @param hibernate the Hibernate settings, naming strategies included
 * @param origins   for each setting (and {@code url}/{@code user}), where it came from
 * @param url       the application's JDBC URL, or {@code null}
 * @param user      the application's database user, or {@code null} (a password is never read from a file)
 * @param managedClasses the only entity classes the application's persistence unit manages (a persistence.xml that
 *                  excludes unlisted classes), or empty for every entity class found
 * @param liquibase how the application runs its Liquibase: {@link #LIQUIBASE_CONTEXTS}, {@link #LIQUIBASE_LABELS},
 *                  {@link #LIQUIBASE_SCHEMA}, {@link #LIQUIBASE_CHANGE_LOG}, {@link #LIQUIBASE_TABLE},
 *                  {@link #LIQUIBASE_LOCK_TABLE}; their origins are under {@code liquibase.<key>}
 * @param flyway    how the application configures its Flyway's placeholders (Spring Boot's {@code spring.flyway.*})
 */
public record ApplicationSettings(String framework, SortedMap<String, String> hibernate, SortedMap<String, String> origins,
                                  String url, String user, List<String> managedClasses, SortedMap<String, String> liquibase,
                                  FlywaySettings flyway) {

    public static final String LIQUIBASE_CONTEXTS = "contexts";
    public static final String LIQUIBASE_LABELS = "labels";
    public static final String LIQUIBASE_SCHEMA = "liquibase-schema";
    /** The history table's name when the application renamed it from {@code databasechangelog}. */
    public static final String LIQUIBASE_TABLE = "database-change-log-table";
    public static final String LIQUIBASE_LOCK_TABLE = "database-change-log-lock-table";
    /** A changelog parameter is {@code parameters.<name>} among the Liquibase settings. */
    public static final String LIQUIBASE_PARAMETER = "parameters.";
    /** The master changelog as the application names it, e.g. {@code classpath:db/changelog/db.changelog-master.yaml}. */
    public static final String LIQUIBASE_CHANGE_LOG = "change-log";

    public static final String PHYSICAL_NAMING = "hibernate.physical_naming_strategy";
    public static final String IMPLICIT_NAMING = "hibernate.implicit_naming_strategy";
    public static final String DEFAULT_SCHEMA = "hibernate.default_schema";

    public ApplicationSettings {
        hibernate = Collections.unmodifiableSortedMap(new TreeMap<>(hibernate));
        origins = Collections.unmodifiableSortedMap(new TreeMap<>(origins));
        managedClasses = managedClasses == null ? List.of() : List.copyOf(managedClasses);
        liquibase = Collections.unmodifiableSortedMap(liquibase == null ? new TreeMap<>() : new TreeMap<>(liquibase));
        flyway = flyway == null ? FlywaySettings.none() : flyway;
    }

    public ApplicationSettings(String framework, SortedMap<String, String> hibernate, SortedMap<String, String> origins,
                               String url, String user, List<String> managedClasses, SortedMap<String, String> liquibase) {
        this(framework, hibernate, origins, url, user, managedClasses, liquibase, null);
    }

    public ApplicationSettings(String framework, SortedMap<String, String> hibernate, SortedMap<String, String> origins,
                               String url, String user, List<String> managedClasses) {
        this(framework, hibernate, origins, url, user, managedClasses, null);
    }

    /** Where the application's Liquibase setting {@code key} came from, e.g. "application.properties". */
    public String liquibaseOrigin(String key) {
        return origins.get("liquibase." + key);
    }

    public ApplicationSettings(String framework, SortedMap<String, String> hibernate, SortedMap<String, String> origins,
                               String url, String user) {
        this(framework, hibernate, origins, url, user, List.of());
    }

    public static ApplicationSettings none() {
        return new ApplicationSettings(null, new TreeMap<>(), new TreeMap<>(), null, null);
    }

    /** One framework's way of configuring Hibernate. */
    interface Reader {
        /** The settings found in {@code resources}, or empty when this framework's files are not there. */
        Optional<ApplicationSettings> read(Path resources, List<String> profiles);
    }

    private static final List<Reader> READERS = List.of(new SpringBootSettings(), new QuarkusSettings(),
            new PersistenceXmlSettings(), new HibernatePropertiesSettings());

    /**
     * The first framework whose configuration is found, looking in each resource folder in order.
     *
     * @param profiles the profiles asked for ({@code --profile}); empty means the application's own active ones
     */
    public static ApplicationSettings read(List<Path> resourceFolders, List<String> profiles) {
        for (Path folder : resourceFolders) {
            for (Reader reader : READERS) {
                Optional<ApplicationSettings> found = reader.read(folder, profiles);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return none();
    }

    /** Collects settings and where each came from, later ones winning. */
    static final class Builder {
        private final String framework;
        private final SortedMap<String, String> hibernate = new TreeMap<>();
        private final SortedMap<String, String> origins = new TreeMap<>();
        private String url;
        private String user;
        private List<String> managedClasses = List.of();
        private final SortedMap<String, String> liquibase = new TreeMap<>();
        private FlywaySettings flyway = FlywaySettings.none();

        Builder(String framework) {
            this.framework = framework;
        }

        Builder hibernate(String key, String value, String origin) {
            if (value != null) {
                hibernate.put(key, value);
                origins.put(key, origin);
            }
            return this;
        }

        Builder defaultHibernate(String key, String value, String origin) {
            return hibernate.containsKey(key) ? this : hibernate(key, value, origin);
        }

        Builder url(String value, String origin) {
            if (value != null) {
                url = value;
                origins.put("url", origin);
            }
            return this;
        }

        Builder user(String value, String origin) {
            if (value != null) {
                user = value;
                origins.put("user", origin);
            }
            return this;
        }

        /** A Liquibase setting; one with a {@code ${placeholder}} is left out, its value is not known here. */
        Builder liquibase(String key, String value, String origin) {
            if (value != null && !value.isBlank() && !value.contains("${")) {
                liquibase.put(key, value.strip());
                origins.put("liquibase." + key, origin);
            }
            return this;
        }

        Builder flyway(FlywaySettings settings) {
            flyway = settings;
            return this;
        }

        Builder managedClasses(List<String> classes) {
            managedClasses = List.copyOf(classes);
            return this;
        }

        ApplicationSettings build() {
            // PostgreSQL's driver puts currentSchema first on the search path: unqualified tables land there
            currentSchema(url).ifPresent(schema -> defaultHibernate(DEFAULT_SCHEMA, schema,
                    origins.get("url") + " (currentSchema of the JDBC URL)"));
            return new ApplicationSettings(framework, hibernate, origins, url, user, managedClasses, liquibase, flyway);
        }
    }

    /** The first schema of a PostgreSQL JDBC URL's {@code currentSchema} parameter, when it names one plainly. */
    static Optional<String> currentSchema(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:") || !url.contains("?")) {
            return Optional.empty();
        }
        for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).equals("currentSchema")) {
                String first = java.net.URLDecoder.decode(parameter.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8)
                        .split(",")[0].strip();
                // "$user" and quoted names are not a schema Hibernate could be given as it is
                return first.isEmpty() || first.startsWith("$") || first.startsWith("\"") ? Optional.empty() : Optional.of(first);
            }
        }
        return Optional.empty();
    }

    /** Comma-separated profile names, trimmed. */
    static List<String> profileList(String text) {
        List<String> profiles = new ArrayList<>();
        if (text != null) {
            for (String p : text.split(",")) {
                if (!p.isBlank()) {
                    profiles.add(p.strip());
                }
            }
        }
        return profiles;
    }

    /** The keys of {@code properties} starting with {@code prefix}, without it. */
    static Map<String, String> under(Map<String, String> properties, String prefix) {
        SortedMap<String, String> found = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        return found;
    }
}
