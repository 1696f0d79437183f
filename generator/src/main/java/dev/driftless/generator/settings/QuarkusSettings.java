package dev.driftless.generator.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Quarkus's {@code application.properties}: {@code quarkus.hibernate-orm.*} for the default persistence unit and
 * {@code quarkus.datasource.*}, with {@code %profile.} keys of the active profile ({@code --profile}, else
 * {@code quarkus.profile}; Quarkus's own default for a build is {@code prod}) winning. Quarkus's naming defaults are
 * Hibernate's.
 */
final class QuarkusSettings implements ApplicationSettings.Reader {

    static final String FRAMEWORK = "Quarkus";
    private static final String ORM = "quarkus.hibernate-orm.";
    private static final String FLYWAY = "quarkus.flyway.";
    /** Quarkus's Liquibase extension's settings for the default data source, as driftless names them. */
    private static final Map<String, String> LIQUIBASE_KEYS = Map.of(
            "quarkus.liquibase.contexts", ApplicationSettings.LIQUIBASE_CONTEXTS,
            "quarkus.liquibase.labels", ApplicationSettings.LIQUIBASE_LABELS,
            "quarkus.liquibase.liquibase-schema-name", ApplicationSettings.LIQUIBASE_SCHEMA,
            "quarkus.liquibase.change-log", ApplicationSettings.LIQUIBASE_CHANGE_LOG,
            "quarkus.liquibase.database-change-log-table-name", ApplicationSettings.LIQUIBASE_TABLE,
            "quarkus.liquibase.database-change-log-lock-table-name", ApplicationSettings.LIQUIBASE_LOCK_TABLE);

    /** Quarkus names and the Hibernate settings they set. */
    private static final Map<String, String> KEYS = Map.of(
            ORM + "physical-naming-strategy", ApplicationSettings.PHYSICAL_NAMING,
            ORM + "implicit-naming-strategy", ApplicationSettings.IMPLICIT_NAMING,
            ORM + "database.default-schema", ApplicationSettings.DEFAULT_SCHEMA,
            ORM + "database.default-catalog", "hibernate.default_catalog",
            ORM + "mapping.timezone.default-storage", "hibernate.timezone.default_storage",
            ORM + "database.charset", "hibernate.connection.charSet");

    @Override
    public Optional<ApplicationSettings> read(Path resources, List<String> askedProfiles) {
        Path file = resources.resolve("application.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> all = PropertyFiles.properties(file);
        if (all.keySet().stream().noneMatch(k -> k.startsWith("quarkus.") || k.matches("%[^.]+\\.quarkus\\..*"))) {
            return Optional.empty();
        }
        List<String> profiles = !askedProfiles.isEmpty() ? askedProfiles
                : ApplicationSettings.profileList(all.getOrDefault("quarkus.profile", "prod"));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!k.startsWith("%")) {
                values.put(k, v);
                origins.put(k, file.getFileName().toString());
            }
        });
        for (String profile : profiles) {
            ApplicationSettings.under(all, "%" + profile + ".").forEach((k, v) -> {
                values.put(k, v);
                origins.put(k, file.getFileName() + " (profile " + profile + ")");
            });
        }
        ApplicationSettings.Builder settings = new ApplicationSettings.Builder(FRAMEWORK);
        values.forEach((k, v) -> {
            if (KEYS.containsKey(k)) {
                settings.hibernate(KEYS.get(k), hibernateValue(KEYS.get(k), v), origins.get(k));
            } else if (k.startsWith(ORM + "unsupported-properties.")) {
                String name = k.substring((ORM + "unsupported-properties.").length()).replace("\"", "");
                settings.hibernate(name, v, origins.get(k));
            }
        });
        Optional.ofNullable(values.get("quarkus.datasource.jdbc.url")).ifPresent(v -> settings.url(v, origins.get("quarkus.datasource.jdbc.url")));
        Optional.ofNullable(values.get("quarkus.datasource.username")).ifPresent(v -> settings.user(v, origins.get("quarkus.datasource.username")));
        LIQUIBASE_KEYS.forEach((quarkusKey, key) -> settings.liquibase(key, values.get(quarkusKey), origins.get(quarkusKey)));
        ApplicationSettings.under(values, "quarkus.liquibase.change-log-parameters.").forEach((name, value) ->
                settings.liquibase(ApplicationSettings.LIQUIBASE_PARAMETER + name, value,
                        origins.get("quarkus.liquibase.change-log-parameters." + name)));
        settings.flyway(flyway(values, origins));
        return Optional.of(settings.build());
    }

    /**
     * Quarkus's {@code quarkus.flyway.*} for the default data source: the same names as Spring Boot's, a placeholder
     * as {@code quarkus.flyway.placeholders.owner} or {@code quarkus.flyway.placeholders."owner"}; the user is the
     * data source's.
     */
    private static FlywaySettings flyway(Map<String, String> values, Map<String, String> origins) {
        FlywaySettings.Builder flyway = new FlywaySettings.Builder();
        String placeholders = FLYWAY + FlywaySettings.PLACEHOLDERS;
        ApplicationSettings.under(values, placeholders).forEach((name, value) -> flyway.put(
                FlywaySettings.PLACEHOLDERS + name.replace("\"", ""), value, origins.get(placeholders + name),
                placeholders + name));
        for (String key : List.of(FlywaySettings.REPLACEMENT, FlywaySettings.PREFIX, FlywaySettings.SUFFIX,
                FlywaySettings.SEPARATOR, FlywaySettings.DEFAULT_SCHEMA, FlywaySettings.SCHEMAS, FlywaySettings.TABLE)) {
            flyway.put(key, values.get(FLYWAY + key), origins.get(FLYWAY + key), FLYWAY + key);
        }
        return flyway.build();
    }

    /** Quarkus spells enum values in kebab case ({@code normalize-utc}); Hibernate's are constant names. */
    private static String hibernateValue(String setting, String value) {
        return setting.equals("hibernate.timezone.default_storage") ? value.toUpperCase(Locale.ROOT).replace('-', '_') : value;
    }
}
