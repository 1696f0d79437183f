package dev.driftless.bench;

import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.CheckNormaliser;
import dev.driftless.generator.devdb.DevDatabase;
import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.generator.devdb.ScratchDatabases;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.model.DiffOptions;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiff;
import dev.driftless.model.SchemaDiffer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;

/**
 * Where the time of {@code driftless diff} against an up-to-date database goes when nothing is cached (the first run
 * after a change to the entities): the steps of {@code Driftless.diff} (cli module) done one by one with a stopwatch
 * around each, in a child JVM started with the launcher's flags and the CLI's own class path, so the figures are those
 * of a cold command-line run. With the cache warm, the Hibernate and dev-database steps are replaced by reading the
 * cached schema, and the pending check by one query (see docs/performance.md).
 *
 * <p>It repeats the facade's wiring rather than calling it, because the facade has no timing hooks; keep the steps
 * in step with {@code Driftless.diff}, {@code DesiredSchemas.read} and {@code DevDatabase.materialize}.
 *
 * <p>Usage: {@code DiffBreakdown CLASSES_DIR TARGET_URL USER CHANGELOG_DIR DEV_DATA_DIR}. Prints one line per step:
 * {@code step<TAB>milliseconds<TAB>detail}.
 */
public final class DiffBreakdown {

    private static long last;

    private DiffBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("JVM start to main()\t" + (System.currentTimeMillis() - jvmStart) + "\t");
        last = System.nanoTime();
        Path classes = Path.of(args[0]);
        String url = args[1];
        Properties credentials = new Properties();
        credentials.setProperty("user", args[2]);
        Path changelogs = Path.of(args[3]);
        Path devData = Path.of(args[4]);

        try (Connection target = DriverManager.getConnection(url, credentials)) {
            step("connect to the target", "");
            int pending = new ChangelogRunner(target, changelogs).pending().size();
            step("Liquibase: pending changesets", pending + " pending");
            DatabaseMetaData meta = target.getMetaData();
            String version = meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion();
            EntityModel model = new EntityReader().read(new EntityReader.Settings(List.of(classes), List.of(),
                    NamingStrategy.parse(null), null, version));
            step("Hibernate boot and DDL generation", model.entityClasses().size() + " classes, "
                    + model.ddl().size() + " statements");
            CatalogIntrospector.Introspection actual = new CatalogIntrospector().introspect(target);
            step("introspect the target", actual.queryCount() + " queries, " + actual.schema().tables().size() + " tables");

            try (EmbeddedServer dev = EmbeddedServer.start(devData, false)) {
                step("start the embedded dev PostgreSQL (warm data directory)", "");
                ScratchDatabases scratch = ScratchDatabases.on(dev);
                Schema desired = new DevDatabase(scratch).materialize(model.ddl());
                step("dev database: create, run the DDL as one batch, settle checks, read back, drop",
                        model.ddl().size() + " statements");
                CheckNormaliser.Normalised both = new CheckNormaliser(scratch).normalise(actual.schema(), desired);
                step("normalise check constraints (only those without an exact twin)", "");
                SchemaDiff diff = new SchemaDiffer(new DiffOptions(false)).diff(both.actual(), both.desired());
                step("diff", diff.changes().size() + " changes");
            }
            step("stop the embedded dev PostgreSQL", "");
        }
    }

    private static void step(String name, String detail) {
        long now = System.nanoTime();
        System.out.println(name + "\t" + (now - last) / 1_000_000 + "\t" + detail);
        System.out.flush();
        last = now;
    }
}
