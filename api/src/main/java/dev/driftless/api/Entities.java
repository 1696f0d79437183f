package dev.driftless.api;

import dev.driftless.generator.cache.DesiredSchemas;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.generator.entity.EntityReadException;
import dev.driftless.generator.entity.EntityReader;
import java.util.function.Consumer;

/** The project's entities and the schema they mean, through the project's cache (see {@link DesiredSchemas}). */
final class Entities {

    private Entities() {
    }

    static DesiredSchemas.Desired read(Config config, String serverVersion, ScratchDatabases dev, Consumer<String> progress) {
        EntityReader.Settings settings = new EntityReader.Settings(config.requireClasses(), config.classpath(),
                config.naming(), config.defaultSchema(), serverVersion, config.hibernate().settings());
        if (config.hibernate().note() != null) {
            progress.accept(config.hibernate().note());
        }
        try {
            return new DesiredSchemas(config.cache(), progress).read(settings,
                    config.devUrl() == null ? "embedded" : config.devUrl(), () -> dev);
        } catch (EntityReadException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        }
    }
}
