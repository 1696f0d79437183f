package dev.driftless.bench;

import dev.driftless.generator.devdb.EmbeddedServer;
import dev.driftless.generator.entity.EntityModel;
import dev.driftless.generator.entity.EntityReader;
import dev.driftless.generator.entity.NamingStrategy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A profiling aid for the dev-database lever: how long PostgreSQL takes to run Hibernate's DDL for the N-entity
 * model, sent as one batch (what {@code DevDatabase} does: one implicit transaction) or in chunks of K statements
 * (one implicit transaction each). Many DDL statements in one transaction get slower per statement as the
 * transaction grows, so the batch size matters at large N.
 *
 * <p>Usage, from the checkout: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)"
 * dev.driftless.bench.DdlBatching N [SCHEMAS [K,K,...]]} (defaults: 2 schemas; K = 0,1000,250,50, where 0 is one batch).
 */
public final class DdlBatching {

    private DdlBatching() {
    }

    public static void main(String[] args) throws Exception {
        int entities = Integer.parseInt(args[0]);
        int schemas = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<Integer> chunks = new ArrayList<>();
        for (String k : (args.length > 2 ? args[2] : "0,1000,250,50").split(",")) {
            chunks.add(Integer.valueOf(k.strip()));
        }
        Path work = Layout.findRoot(Path.of("")).resolve("bench/target/ddl-batching");
        ModelGenerator.Model model = ModelGenerator.generate(entities, schemas, work.resolve("n" + entities + "-s" + schemas));
        try (EmbeddedServer server = EmbeddedServer.start(work.resolve("pg/data"), false)) {
            String version;
            try (Connection connection = server.connect("postgres")) {
                version = connection.getMetaData().getDatabaseMajorVersion() + "."
                        + connection.getMetaData().getDatabaseMinorVersion();
            }
            EntityModel entityModel = new EntityReader().read(new EntityReader.Settings(List.of(model.classes()),
                    List.of(), NamingStrategy.parse(null), null, version));
            List<String> ddl = entityModel.ddl();
            System.out.printf(Locale.ROOT, "N=%d, %d schema(s): %d DDL statements%n", entities, schemas, ddl.size());
            for (int chunk : chunks) {
                String name = "ddl_batching_" + chunk;
                server.dropDatabase(name);
                server.createDatabase(name, "template0");
                long start = System.nanoTime();
                int roundTrips = 0;
                try (Connection connection = server.connect(name); Statement statement = connection.createStatement()) {
                    int size = chunk <= 0 ? ddl.size() : chunk;
                    for (int from = 0; from < ddl.size(); from += size) {
                        statement.execute(String.join(";\n", ddl.subList(from, Math.min(ddl.size(), from + size))));
                        roundTrips++;
                    }
                }
                System.out.printf(Locale.ROOT, "  %-28s %6d round trips %8.0f ms%n",
                        chunk <= 0 ? "one batch" : "chunks of " + chunk, roundTrips, (System.nanoTime() - start) / 1e6);
                server.dropDatabase(name);
            }
        }
    }
}
