package dev.driftless.generator.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A plain Hibernate project's {@code hibernate.properties}: its {@code hibernate.*} and {@code jakarta.persistence.*} keys as they are. */
final class HibernatePropertiesSettings implements ApplicationSettings.Reader {

    @Override
    public Optional<ApplicationSettings> read(Path resources, List<String> profiles) {
        Path file = resources.resolve("hibernate.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ApplicationSettings.Builder settings = new ApplicationSettings.Builder("hibernate.properties");
        PropertyFiles.properties(file).forEach((k, v) -> {
            if (k.startsWith("hibernate.") && !k.startsWith("hibernate.connection.")) {
                settings.hibernate(k, v, "hibernate.properties");
            }
        });
        PersistenceXmlSettings.connection(PropertyFiles.properties(file), settings, "hibernate.properties");
        return Optional.of(settings.build());
    }
}
