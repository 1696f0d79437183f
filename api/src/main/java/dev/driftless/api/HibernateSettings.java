package dev.driftless.api;

import dev.driftless.generator.entity.Hibernate6Schema;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.generator.settings.ApplicationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings the model is read with, resolved lowest first from Hibernate's defaults, the framework's defaults, the
 * application's configuration files, {@code driftless.yaml} ({@code hibernate:}, {@code naming:},
 * {@code default-schema:}) and flags; and where each came from.
 *
 * @param naming        the naming strategies
 * @param defaultSchema {@code hibernate.default_schema}, or {@code null}
 * @param settings      every other Hibernate setting given (never the naming or default schema keys: those are above)
 * @param application   what the application's own configuration said (its URL and user too)
 * @param note          "settings: ..." with the origin of each, or {@code null} when nothing was given anywhere
 * @param schemaMode    whose schema the model means: Hibernate 6.6's when the application runs Hibernate 6 (by default),
 *                      or as {@code hibernate-schema:} in driftless.yaml says
 */
public record HibernateSettings(NamingStrategy naming, String defaultSchema, SortedMap<String, String> settings,
                                ApplicationSettings application, String note, Hibernate6Schema.Mode schemaMode) {

    public HibernateSettings {
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
        application = application == null ? ApplicationSettings.none() : application;
        schemaMode = schemaMode == null ? Hibernate6Schema.Mode.DETECT : schemaMode;
    }

    public HibernateSettings(NamingStrategy naming, String defaultSchema, SortedMap<String, String> settings,
                             ApplicationSettings application, String note) {
        this(naming, defaultSchema, settings, application, note, Hibernate6Schema.Mode.DETECT);
    }

    /** The same settings, the schema written as {@code mode} says. */
    public HibernateSettings withSchemaMode(Hibernate6Schema.Mode mode) {
        return new HibernateSettings(naming, defaultSchema, settings, application, note, mode);
    }

    /** Only a naming strategy and a default schema, as a test or a facade user gives them. */
    public static HibernateSettings of(NamingStrategy naming, String defaultSchema) {
        return new HibernateSettings(naming, defaultSchema, new TreeMap<>(), ApplicationSettings.none(), null);
    }

    /**
     * @param namingFlag     {@code --naming}, or {@code null}
     * @param yaml           driftless.yaml's {@code naming}, {@code default-schema} and {@code hibernate} values
     * @param resources      the application's resource folders to read its configuration from
     * @param profiles       the application profiles asked for, or empty for the application's own
     */
    static HibernateSettings resolve(String namingFlag, Map<String, Object> yaml, List<Path> resources,
                                     List<String> profiles) {
        ApplicationSettings app = ApplicationSettings.read(resources.stream().filter(Files::isDirectory).toList(), profiles);
        SortedMap<String, String> merged = new TreeMap<>(app.hibernate());
        Map<String, String> origins = new LinkedHashMap<>(app.origins());
        if (yaml.get("hibernate") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> {
                merged.put(String.valueOf(k), String.valueOf(v));
                origins.put(String.valueOf(k), Config.FILE_NAME);
            });
        }
        String namingText = namingFlag != null ? namingFlag : yaml.get("naming") == null ? null : String.valueOf(yaml.get("naming"));
        NamingStrategy naming;
        String namingOrigin;
        if (namingText != null) {
            naming = NamingStrategy.parse(namingText);
            namingOrigin = namingFlag != null ? "--naming" : Config.FILE_NAME;
        } else {
            naming = NamingStrategy.of(merged.get(ApplicationSettings.PHYSICAL_NAMING), merged.get(ApplicationSettings.IMPLICIT_NAMING));
            namingOrigin = origins.getOrDefault(ApplicationSettings.PHYSICAL_NAMING,
                    origins.getOrDefault(ApplicationSettings.IMPLICIT_NAMING, "Hibernate's default"));
        }
        String defaultSchema = yaml.get("default-schema") != null ? String.valueOf(yaml.get("default-schema"))
                : merged.get(ApplicationSettings.DEFAULT_SCHEMA);
        String schemaOrigin = yaml.get("default-schema") != null ? Config.FILE_NAME : origins.get(ApplicationSettings.DEFAULT_SCHEMA);
        merged.remove(ApplicationSettings.PHYSICAL_NAMING);
        merged.remove(ApplicationSettings.IMPLICIT_NAMING);
        merged.remove(ApplicationSettings.DEFAULT_SCHEMA);
        boolean anything = namingText != null || app.framework() != null || defaultSchema != null || !merged.isEmpty();
        String note = anything ? note(app, naming, namingOrigin, defaultSchema, schemaOrigin, merged, origins) : null;
        return new HibernateSettings(naming, defaultSchema, merged, app, note);
    }

    private static String note(ApplicationSettings app, NamingStrategy naming, String namingOrigin, String defaultSchema,
                               String schemaOrigin, SortedMap<String, String> settings, Map<String, String> origins) {
        List<String> parts = new ArrayList<>();
        parts.add("naming " + naming.describe() + " (" + namingOrigin + ")");
        if (defaultSchema != null) {
            parts.add("default-schema " + defaultSchema + " (" + schemaOrigin + ")");
        }
        settings.forEach((k, v) -> parts.add(k + "=" + v + " (" + origins.getOrDefault(k, Config.FILE_NAME) + ")"));
        return "model settings" + (app.framework() == null ? "" : " (" + app.framework() + " project)") + ": "
                + String.join(", ", parts);
    }
}
