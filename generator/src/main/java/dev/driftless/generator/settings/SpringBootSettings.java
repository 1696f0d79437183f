package dev.driftless.generator.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spring Boot's {@code application.properties}/{@code .yml}: the base file, then each active profile
 * ({@code --profile}, else {@code spring.profiles.active}) from {@code application-<profile>.*} and from YAML documents
 * and {@code .properties} documents ({@code #---}) with {@code spring.config.activate.on-profile}. A {@code .properties}
 * file wins over a {@code .yml} of the same name, as in Spring Boot. Without {@code spring.jpa.hibernate.naming.*}, Spring Boot's own defaults apply.
 */
final class SpringBootSettings implements ApplicationSettings.Reader {

    static final String FRAMEWORK = "Spring Boot";
    private static final String SPRING_PHYSICAL = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";
    private static final String SPRING_IMPLICIT = "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy";

    /**
     * {@code spring.jpa.properties.<name>}, or in Spring's bracket notation, which keeps the key exactly:
     * {@code spring.jpa.properties[<name>]} ({@code .properties}) or {@code spring.jpa.properties.[<name>]} (YAML).
     */
    private static final java.util.regex.Pattern JPA_PROPERTY =
            java.util.regex.Pattern.compile("spring\\.jpa\\.properties(?:\\.?\\[(.+)]|\\.(.+))");

    /** {@code spring.flyway.placeholders.<name>}, or in the bracket notation, which keeps the name exactly. */
    private static final java.util.regex.Pattern FLYWAY_PLACEHOLDER =
            java.util.regex.Pattern.compile("spring\\.flyway\\.placeholders(?:\\.?\\[(.+)]|\\.(.+))");

    /** The {@code spring.flyway.*} settings that change the SQL Flyway sends, by {@link FlywaySettings}' key. */
    private static final List<String> FLYWAY_KEYS = List.of(FlywaySettings.REPLACEMENT, FlywaySettings.PREFIX,
            FlywaySettings.SUFFIX, FlywaySettings.SEPARATOR, FlywaySettings.DEFAULT_SCHEMA, FlywaySettings.SCHEMAS,
            FlywaySettings.USER, FlywaySettings.URL, FlywaySettings.TABLE);

    /** A value and the file it came from. */
    private record Value(String value, String origin) {
    }

    @Override
    public Optional<ApplicationSettings> read(Path resources, List<String> askedProfiles) {
        Map<String, Value> values = new LinkedHashMap<>();
        if (!load(resources, "application", null, values)) {
            return Optional.empty();
        }
        if (values.keySet().stream().anyMatch(k -> k.startsWith("quarkus.") || k.startsWith("%"))) {
            return Optional.empty(); // a Quarkus application.properties
        }
        List<String> profiles = !askedProfiles.isEmpty() ? askedProfiles
                : ApplicationSettings.profileList(values.containsKey("spring.profiles.active")
                ? values.get("spring.profiles.active").value() : null);
        for (String profile : profiles) {
            load(resources, "application", profile, values);
            load(resources, "application-" + profile, null, values);
        }
        return Optional.of(translate(values));
    }

    /**
     * Adds the values of {@code <name>.yml}/{@code .yaml} then {@code <name>.properties}; with a profile, only the YAML
     * documents activated for it. Returns whether any of the files exists.
     */
    private static boolean load(Path resources, String name, String profile, Map<String, Value> into) {
        boolean found = false;
        for (String extension : List.of(".yml", ".yaml", ".properties")) {
            Path file = resources.resolve(name + extension);
            if (Files.isRegularFile(file)) {
                found = true;
                List<Map<String, String>> documents = extension.equals(".properties")
                        ? PropertyFiles.propertiesDocuments(file) : PropertyFiles.yamlDocuments(file);
                for (Map<String, String> document : documents) {
                    String on = document.getOrDefault("spring.config.activate.on-profile", document.get("spring.profiles"));
                    boolean applies = profile == null ? on == null : on != null && ApplicationSettings.profileList(on).contains(profile);
                    if (applies) {
                        String origin = file.getFileName() + (profile == null ? "" : " (profile " + profile + ")");
                        document.forEach((k, v) -> into.put(k, new Value(v, origin)));
                    }
                }
            }
        }
        return found;
    }

    private static ApplicationSettings translate(Map<String, Value> values) {
        ApplicationSettings.Builder settings = new ApplicationSettings.Builder(FRAMEWORK);
        List<String> keys = new ArrayList<>(values.keySet());
        for (String key : keys) {
            Value v = values.get(key);
            java.util.regex.Matcher property = JPA_PROPERTY.matcher(key);
            if (property.matches()) {
                String name = property.group(1) != null ? property.group(1) : property.group(2);
                settings.hibernate(name, v.value(), v.origin());
            }
        }
        // spring.jpa.hibernate.naming.* win over a hibernate.*_naming_strategy under spring.jpa.properties, as in Boot
        value(values, "spring.jpa.hibernate.naming.physical-strategy")
                .ifPresent(v -> settings.hibernate(ApplicationSettings.PHYSICAL_NAMING, v.value(), v.origin()));
        value(values, "spring.jpa.hibernate.naming.implicit-strategy")
                .ifPresent(v -> settings.hibernate(ApplicationSettings.IMPLICIT_NAMING, v.value(), v.origin()));
        settings.defaultHibernate(ApplicationSettings.PHYSICAL_NAMING, SPRING_PHYSICAL, "Spring Boot's default");
        settings.defaultHibernate(ApplicationSettings.IMPLICIT_NAMING, SPRING_IMPLICIT, "Spring Boot's default");
        value(values, "spring.datasource.url").ifPresent(v -> settings.url(v.value(), v.origin()));
        value(values, "spring.datasource.username").ifPresent(v -> settings.user(v.value(), v.origin()));
        liquibase(values, settings, "spring.liquibase.contexts", ApplicationSettings.LIQUIBASE_CONTEXTS);
        // Spring Boot 2 called it labels, Spring Boot 3 label-filter
        liquibase(values, settings, "spring.liquibase.labels", ApplicationSettings.LIQUIBASE_LABELS);
        liquibase(values, settings, "spring.liquibase.label-filter", ApplicationSettings.LIQUIBASE_LABELS);
        liquibase(values, settings, "spring.liquibase.liquibase-schema", ApplicationSettings.LIQUIBASE_SCHEMA);
        liquibase(values, settings, "spring.liquibase.change-log", ApplicationSettings.LIQUIBASE_CHANGE_LOG);
        liquibase(values, settings, "spring.liquibase.database-change-log-table", ApplicationSettings.LIQUIBASE_TABLE);
        liquibase(values, settings, "spring.liquibase.database-change-log-lock-table",
                ApplicationSettings.LIQUIBASE_LOCK_TABLE);
        values.forEach((key, v) -> liquibaseParameter(key).ifPresent(name ->
                settings.liquibase(ApplicationSettings.LIQUIBASE_PARAMETER + name, v.value(), v.origin())));
        settings.flyway(flyway(values));
        return settings.build();
    }

    /** Spring Boot's {@code spring.flyway.*}: the placeholders and what Flyway's built-in ones are made of. */
    private static FlywaySettings flyway(Map<String, Value> values) {
        FlywaySettings.Builder flyway = new FlywaySettings.Builder();
        values.forEach((key, v) -> {
            java.util.regex.Matcher placeholder = FLYWAY_PLACEHOLDER.matcher(key);
            if (placeholder.matches()) {
                String name = placeholder.group(1) != null ? placeholder.group(1) : placeholder.group(2);
                flyway.put(FlywaySettings.PLACEHOLDERS + name, v.value(), v.origin(), key);
            }
        });
        for (String key : FLYWAY_KEYS) {
            String springKey = "spring.flyway." + key;
            value(values, springKey).ifPresent(v -> flyway.put(key, v.value(), v.origin(), springKey));
        }
        return flyway.build();
    }

    private static void liquibase(Map<String, Value> values, ApplicationSettings.Builder settings, String springKey,
                                  String key) {
        value(values, springKey).ifPresent(v -> settings.liquibase(key, v.value(), v.origin()));
    }

    /**
     * The name of a {@code spring.liquibase.parameters.<name>} key: relaxed on the prefix, kept as written after it
     * (a map key; Liquibase's {@code ${name}} is case-sensitive).
     */
    private static Optional<String> liquibaseParameter(String key) {
        String prefix = relaxed("spring.liquibase.parameters.");
        if (!relaxed(key).startsWith(prefix)) {
            return Optional.empty();
        }
        for (int end = prefix.length(); end <= key.length(); end++) {
            if (relaxed(key.substring(0, end)).equals(prefix)) {
                return end < key.length() ? Optional.of(key.substring(end)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Spring's relaxed binding: {@code physical-strategy}, {@code physicalStrategy} and {@code physical_strategy} are one key. */
    private static Optional<Value> value(Map<String, Value> values, String key) {
        String wanted = relaxed(key);
        Value found = null;
        for (Map.Entry<String, Value> e : values.entrySet()) {
            if (relaxed(e.getKey()).equals(wanted)) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private static String relaxed(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }
}
