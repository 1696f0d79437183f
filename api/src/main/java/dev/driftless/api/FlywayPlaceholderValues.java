package dev.driftless.api;

import dev.driftless.generator.adopt.FlywayPlaceholders;
import dev.driftless.generator.settings.FlywayConfFile;
import dev.driftless.generator.settings.FlywaySettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values a Flyway folder's placeholders had when the application's Flyway ran it, lowest first: the project's
 * {@code flyway.conf}, the application's {@code spring.flyway.*} (with its profiles), {@code --placeholder} flags;
 * and Flyway's built-ins ({@code ${flyway:defaultSchema}}, {@code user}, {@code database}, {@code schemas},
 * {@code timestamp}, {@code filename}, {@code workingDirectory}, {@code table}), taken as Flyway takes them: the
 * configured schema, else the target's (with {@code --mark-applied}); the target's user and database, else the
 * configured ones. A value not known here is not guessed: a file that uses it is refused with what to set.
 */
final class FlywayPlaceholderValues {

    /** Flyway's format for {@code ${flyway:timestamp}}, in the JVM's time zone as Flyway's SimpleDateFormat has it. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String FLAG = "--placeholder";

    private final FlywaySettings settings;
    private final Config config;

    private FlywayPlaceholderValues(FlywaySettings settings, Config config) {
        this.settings = settings;
        this.config = config;
    }

    /** flyway.conf, then the application's configuration, then the flags (as {@code owner} or {@code flyway:user}). */
    static FlywayPlaceholderValues of(Config config, Map<String, String> flags) {
        java.util.SortedMap<String, FlywaySettings.Value> given = new java.util.TreeMap<>();
        flags.forEach((name, value) -> given.put(FlywaySettings.PLACEHOLDERS + name,
                new FlywaySettings.Value(value, FLAG, FLAG + " " + name)));
        FlywaySettings settings = FlywayConfFile.read(config.projectDirectory())
                .overriddenBy(config.hibernate().application().flyway())
                .overriddenBy(new FlywaySettings(given));
        return new FlywayPlaceholderValues(settings, config);
    }

    /** The history table when {@code --table} is not given: the configured one, in the configured schema. */
    String historyTable(String fallback) {
        String table = plain(FlywaySettings.TABLE).orElse(fallback);
        return configuredSchema().map(s -> quoted(s) + "." + quoted(table)).orElse(table);
    }

    /**
     * The placeholders as configured; {@code connection} (the target, with {@code --mark-applied}) or null.
     *
     * @param table Flyway's history table, for {@code ${flyway:table}}
     */
    FlywayPlaceholders placeholders(Connection connection, String table, Clock clock) throws SQLException {
        if (plain(FlywaySettings.REPLACEMENT).map("false"::equalsIgnoreCase).orElse(false)) {
            return FlywayPlaceholders.off();
        }
        String separator = plain(FlywaySettings.SEPARATOR).orElse(":");
        Map<String, FlywayPlaceholders.Value> values = new LinkedHashMap<>();
        Connected target = connection == null ? null : Connected.read(connection);
        builtIn(values, separator, "defaultSchema", configuredSchema().map(s -> value(s, schemaOrigin()))
                .or(() -> Optional.ofNullable(target).flatMap(t -> Optional.ofNullable(t.schema()))
                        .map(s -> value(s, "the target's current schema"))));
        builtIn(values, separator, "schemas", Optional.of(value(String.join(",", schemas()),
                settings.get(FlywaySettings.SCHEMAS).map(FlywaySettings.Value::origin).orElse("no schemas configured"))));
        builtIn(values, separator, "user", Optional.ofNullable(target).map(t -> value(t.user(), "the target's user"))
                .or(() -> plain(FlywaySettings.USER).map(u -> value(u, origin(FlywaySettings.USER))))
                .or(() -> Optional.ofNullable(config.user()).map(u -> value(u, "the configured user"))));
        builtIn(values, separator, "database", Optional.ofNullable(target).map(t -> value(t.database(), "the target's database"))
                .or(() -> plain(FlywaySettings.URL).flatMap(FlywayPlaceholderValues::databaseOf)
                        .map(d -> value(d, origin(FlywaySettings.URL))))
                .or(() -> databaseOf(config.url()).map(d -> value(d, "the configured URL"))));
        builtIn(values, separator, "timestamp", Optional.of(value(
                TIMESTAMP.format(clock.instant().atZone(ZoneId.systemDefault())), "the time of the import")));
        builtIn(values, separator, "workingDirectory", Optional.of(value(System.getProperty("user.dir"),
                "driftless's working directory")));
        builtIn(values, separator, "table", Optional.of(value(bare(table), "the history table")));
        settings.placeholders().forEach((name, v) -> {
            if (!v.unresolved()) {
                values.put(name, value(v.value(), v.origin()));
            }
        });
        return new FlywayPlaceholders(plain(FlywaySettings.PREFIX).orElse("${"), plain(FlywaySettings.SUFFIX).orElse("}"),
                separator, values, name -> fix(name, separator));
    }

    /** What the user can do about a placeholder without a value. */
    private String fix(String name, String separator) {
        String pass = "pass " + FLAG + " " + name + "=VALUE";
        Optional<FlywaySettings.Value> unresolved = settings.placeholders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        if (unresolved.isPresent()) {
            return unresolved.get().origin() + " gives " + unresolved.get().key() + " as " + unresolved.get().value()
                    + ", which the application resolves when it runs, not here: " + pass;
        }
        String builtIn = name.toLowerCase(Locale.ROOT).startsWith(("flyway" + separator).toLowerCase(Locale.ROOT))
                ? name.substring(("flyway" + separator).length()) : null;
        if (builtIn == null) {
            return "set spring.flyway.placeholders." + name + " in the application's configuration (or flyway.placeholders."
                    + name + " in flyway.conf), or " + pass;
        }
        return switch (builtIn.toLowerCase(Locale.ROOT)) {
            case "defaultschema" -> "it is the schema Flyway ran in: set spring.flyway.default-schema, import with"
                    + " --mark-applied to read it from the target, or " + pass;
            case "user" -> "it is the user Flyway connected as: configure the user (DRIFTLESS_USER, user: in driftless.yaml),"
                    + " import with --mark-applied to read it from the target, or " + pass;
            case "database" -> "it is the database Flyway ran in: configure the URL (DRIFTLESS_URL, url: in driftless.yaml),"
                    + " import with --mark-applied to read it from the target, or " + pass;
            default -> "driftless does not know that built-in placeholder's value (it knows flyway" + separator
                    + "defaultSchema, schemas, user, database, timestamp, filename, workingDirectory and table): " + pass;
        };
    }

    private static void builtIn(Map<String, FlywayPlaceholders.Value> values, String separator, String name,
                                Optional<FlywayPlaceholders.Value> value) {
        value.ifPresent(v -> values.put("flyway" + separator + name, v));
    }

    private static FlywayPlaceholders.Value value(String value, String origin) {
        return new FlywayPlaceholders.Value(value, origin);
    }

    /** Flyway's default schema as configured: {@code default-schema}, else the first of {@code schemas}. */
    private Optional<String> configuredSchema() {
        return plain(FlywaySettings.DEFAULT_SCHEMA).or(() -> schemas().stream().findFirst());
    }

    private String schemaOrigin() {
        return origin(plain(FlywaySettings.DEFAULT_SCHEMA).isPresent() ? FlywaySettings.DEFAULT_SCHEMA : FlywaySettings.SCHEMAS);
    }

    private List<String> schemas() {
        return plain(FlywaySettings.SCHEMAS).map(s -> Arrays.stream(s.split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList()).orElse(List.of());
    }

    /** A setting's value unless it is blank or waits for the application's own resolution. */
    private Optional<String> plain(String key) {
        return settings.get(key).filter(v -> !v.unresolved() && !v.value().isBlank()).map(FlywaySettings.Value::value);
    }

    private String origin(String key) {
        return settings.get(key).map(v -> v.origin() + " (" + v.key() + ")").orElse("");
    }

    /** The database a PostgreSQL JDBC URL names: {@code jdbc:postgresql://host:port/db?…} or {@code jdbc:postgresql:db}. */
    static Optional<String> databaseOf(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        rest = query >= 0 ? rest.substring(0, query) : rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash + 1);
        }
        return rest.isEmpty() ? Optional.empty()
                : Optional.of(java.net.URLDecoder.decode(rest, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String bare(String table) {
        String name = table.substring(table.lastIndexOf('.') + 1);
        return name.startsWith("\"") && name.endsWith("\"") && name.length() > 1
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    /** As Flyway names its objects on PostgreSQL: quoted, so the name is exactly the configured one. */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** What Flyway's built-ins read from its connection. */
    private record Connected(String schema, String user, String database) {

        static Connected read(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT current_schema(), current_user, current_database()")) {
                r.next();
                return new Connected(r.getString(1), r.getString(2), r.getString(3));
            }
        }
    }
}
