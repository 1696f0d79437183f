package dev.driftless.api;

import dev.driftless.generator.cache.DesiredSchemas;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.generator.entity.EntityReadException;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.entity.UnfitName;
import dev.driftless.generator.entity.UnfitNamesException;
import dev.driftless.generator.findings.Source;
import dev.driftless.generator.source.SourceIndex;
import dev.driftless.generator.source.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The project's entities and the schema they mean, through the project's cache (see {@link DesiredSchemas}). */
final class Entities {

    private Entities() {
    }

    static DesiredSchemas.Desired read(Config config, String serverVersion, ScratchDatabases dev, Consumer<String> progress) {
        List<java.nio.file.Path> classes = config.requireClasses();
        Config.ModelClasspath classpath = config.modelClasspathAndHibernate(progress);
        EntityReader.Settings settings = new EntityReader.Settings(classes, classpath.entries(),
                config.naming(), config.defaultSchema(), serverVersion, config.hibernate().settings(), config.packages(),
                config.hibernate().application().managedClasses(), classpath.hibernate6Schema(config.hibernate().schemaMode()));
        if (config.hibernate().note() != null) {
            progress.accept(config.hibernate().note());
        }
        try {
            return new DesiredSchemas(config.cache(), progress).read(settings,
                    config.devUrl() == null ? "embedded" : config.devUrl(), () -> dev);
        } catch (EntityReadException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        } catch (UnfitNamesException e) {
            throw new DriftlessException(ExitCode.USAGE, unfit(e.names(), SourceIndex.lazy(config.sources())), e);
        }
    }

    /** One line per name, pointing at the entity's file and line when the sources are there. */
    private static String unfit(List<UnfitName> names, SourceIndex sources) {
        StringBuilder message = new StringBuilder("the entities map " + names.size()
                + " name(s) PostgreSQL cannot keep as they are; nothing was written:");
        for (UnfitName name : names) {
            message.append("\n  ").append(where(name, sources)).append(name.kind()).append(" \"").append(name.name())
                    .append('"').append(name.table() == null ? "" : " of " + name.table()).append(": ").append(name.problem());
        }
        return message.append("\nshorten or fix them (@Table, @Column, @JoinColumn, @Index, @UniqueConstraint, "
                + "@ForeignKey, @SequenceGenerator names) and run again").toString();
    }

    private static String where(UnfitName name, SourceIndex sources) {
        if (name.className() == null) {
            return "";
        }
        Optional<SourceLocation> location = name.field() != null
                ? sources.fieldLocation(name.className(), name.field()).or(() -> sources.classLocation(name.className()))
                : sources.classLocation(name.className());
        return new Source(name.className(), name.field(), location.orElse(null)).describe() + " → ";
    }
}
