package dev.driftless.generator.cache;

import dev.driftless.generator.devdb.DevDatabase;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.model.Schema;
import java.io.Serializable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The model and the schema it means, as PostgreSQL spells it: Hibernate's boot metadata read from the classes, its DDL
 * run into a dev database and read back. Both steps are pure functions of their inputs, so both are cached:
 * <ul>
 *   <li>by the classes themselves (their bytes, the class path, naming, default schema, server version and this
 *       driftless build): an unchanged model skips Hibernate's boot and the dev database altogether;</li>
 *   <li>by Hibernate's DDL and the server version: a recompiled but equivalent model skips the dev database.</li>
 * </ul>
 */
public final class DesiredSchemas {

    /** Bump when the meaning of a cached value changes without its classes changing shape. */
    private static final String FORMAT = "driftless-desired-v3";

    /** Where the result came from, for progress lines and the benchmark. */
    public enum Source { MODEL_CACHE, DDL_CACHE, BUILT }

    public record Desired(EntityModel model, Schema schema, Source source) {
    }

    private record CachedModel(EntityModel model, Schema schema) implements Serializable {
    }

    private final DerivedCache cache;
    private final Consumer<String> progress;

    public DesiredSchemas(DerivedCache cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /**
     * @param devServer which server prints the model (a dev-url, or the embedded one): its PostgreSQL spells
     *                  defaults and checks, so another server is another key
     * @param dev       the dev database server, asked for only when the DDL must be run (so a warm cache never starts one)
     * @throws dev.driftless.generator.entity.EntityReadException when Hibernate cannot read the classes
     */
    public Desired read(EntityReader.Settings settings, String devServer, Supplier<ScratchDatabases> dev) {
        String modelKey = Fingerprint.of(FORMAT + "/dev").text(devServer).text(modelKey(settings)).hex();
        var cached = cache.get("model", modelKey, CachedModel.class);
        if (cached.isPresent()) {
            progress.accept("the entity classes did not change: using their cached schema");
            return new Desired(cached.get().model(), cached.get().schema(), Source.MODEL_CACHE);
        }
        progress.accept("reading entities from " + settings.classes() + " with Hibernate ORM "
                + org.hibernate.Version.getVersionString());
        EntityModel model = new EntityReader().read(settings);
        String ddlKey = Fingerprint.of(FORMAT + "/ddl").codeOf(DesiredSchemas.class).codeOf(Schema.class).text(devServer)
                .text(settings.serverVersion())
                .texts(model.ddl()).hex();
        Schema cachedSchema = cache.get("ddl", ddlKey, Schema.class).orElse(null);
        Schema schema = cachedSchema != null ? cachedSchema : materialize(model, ddlKey, dev);
        cache.put("model", modelKey, new CachedModel(model, schema));
        return new Desired(model, schema, cachedSchema != null ? Source.DDL_CACHE : Source.BUILT);
    }

    private Schema materialize(EntityModel model, String ddlKey, Supplier<ScratchDatabases> dev) {
        progress.accept("normalising " + model.entityClasses().size() + " mapped classes through PostgreSQL");
        Schema schema = new DevDatabase(dev.get()).materialize(model.ddl());
        cache.put("ddl", ddlKey, schema);
        return schema;
    }

    /** Everything the model read depends on. Class files by content: a clean rebuild of the same sources still hits. */
    static String modelKey(EntityReader.Settings settings) {
        Fingerprint key = Fingerprint.of(FORMAT + "/model").codeOf(DesiredSchemas.class).codeOf(Schema.class)
                .text(org.hibernate.Version.getVersionString())
                .text(settings.naming().toString()).text(settings.defaultSchema()).text(settings.serverVersion());
        // every Hibernate setting changes the model: the application's, and -D's given to this JVM (DRIFTLESS_JAVA_OPTS)
        settings.hibernate().forEach((k, v) -> key.text(k).text(v));
        key.text("--managed--");
        settings.managedClasses().forEach(key::text);
        key.text("--system--");
        hibernateSystemProperties().forEach((k, v) -> key.text(k).text(v));
        settings.classes().forEach(key::contents);
        key.text("--packages--");
        settings.packages().forEach(key::text);
        key.text("--classpath--");
        settings.classpath().forEach(key::stamps);
        if (settings.hibernate6Schema()) {
            // only then, so every other project keeps its key
            key.text("--hibernate-6-schema--");
        }
        return key.hex();
    }

    /** The system properties Hibernate reads as settings, sorted. */
    static java.util.SortedMap<String, String> hibernateSystemProperties() {
        java.util.SortedMap<String, String> found = new java.util.TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            String name = String.valueOf(k);
            if (name.startsWith("hibernate.") || name.startsWith("jakarta.persistence.") || name.startsWith("javax.persistence.")) {
                found.put(name, String.valueOf(v));
            }
        });
        return found;
    }
}
