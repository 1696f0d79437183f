package dev.driftless.generator.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Flyway command line's own configuration, {@code flyway.conf} in the project directory (and {@code conf/} under
 * it, where Flyway's distribution keeps it): {@code flyway.placeholders.<name>}, {@code flyway.placeholderPrefix} and
 * the other settings {@link FlywaySettings} holds, in Flyway's camel case.
 */
public final class FlywayConfFile {

    public static final String NAME = "flyway.conf";
    private static final String PREFIX = "flyway.";

    /** FlywaySettings' keys as flyway.conf spells them. */
    private static final Map<String, String> KEYS = Map.of(
            "placeholderReplacement", FlywaySettings.REPLACEMENT,
            "placeholderPrefix", FlywaySettings.PREFIX,
            "placeholderSuffix", FlywaySettings.SUFFIX,
            "placeholderSeparator", FlywaySettings.SEPARATOR,
            "defaultSchema", FlywaySettings.DEFAULT_SCHEMA,
            "schemas", FlywaySettings.SCHEMAS,
            "user", FlywaySettings.USER,
            "url", FlywaySettings.URL,
            "table", FlywaySettings.TABLE);

    private FlywayConfFile() {
    }

    /** What {@code conf/flyway.conf} then {@code flyway.conf} under {@code projectDirectory} say, the latter winning. */
    public static FlywaySettings read(Path projectDirectory) {
        FlywaySettings.Builder settings = new FlywaySettings.Builder();
        for (Path file : List.of(projectDirectory.resolve("conf").resolve(NAME), projectDirectory.resolve(NAME))) {
            if (Files.isRegularFile(file)) {
                String origin = projectDirectory.relativize(file).toString();
                PropertyFiles.properties(file).forEach((key, value) -> {
                    if (key.startsWith(PREFIX + "placeholders.")) {
                        settings.put(FlywaySettings.PLACEHOLDERS + key.substring((PREFIX + "placeholders.").length()),
                                value, origin, key);
                    } else if (key.startsWith(PREFIX) && KEYS.containsKey(key.substring(PREFIX.length()))) {
                        settings.put(KEYS.get(key.substring(PREFIX.length())), value, origin, key);
                    }
                });
            }
        }
        return settings.build();
    }
}
