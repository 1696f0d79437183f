package dev.driftless.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Writes a model of N JPA entities as Java sources and compiles them in-process, deterministically: the same N
 * gives byte-identical sources, so every tool and every run of the benchmark sees the same model.
 *
 * <p>Each entity {@code Item<i>} has twelve columns: a generated id, three strings of varying length, a long text,
 * two decimals, two instants, an enum stored as a string, a boolean, and one or two many-to-ones to earlier
 * entities (entity 0 has none, entity 1 one); an index and a named unique constraint. With two schemas, even
 * entities live in schema {@code alpha} and odd ones in {@code beta}, so references cross schemas; with one, all
 * live in {@code public} (liquibase-hibernate matches tables by name alone and ignores {@code @Table(schema)}, so
 * only a one-schema model lets it compare what is really there).
 *
 * <p>Next to the classes it writes {@code hibernate.cfg.xml} listing them, for liquibase-hibernate's
 * {@code hibernate:classic:} reference URL, and {@code entities.txt}, one class name a line.
 */
public final class ModelGenerator {

    /** Bumped whenever the generated model changes, so cached compiled models are rebuilt. */
    static final int VERSION = 2;

    public static final String PACKAGE = "bench.model";
    private static final List<String> TWO_SCHEMAS = List.of("alpha", "beta");
    public static final String HIBERNATE_CONFIG = "hibernate.cfg.xml";
    public static final String CLASS_LIST = "entities.txt";
    private static final String STAMP = ".bench-model";

    private ModelGenerator() {
    }

    /** A generated, compiled model. */
    public record Model(int entities, int schemas, Path sources, Path classes, List<String> classNames) {
        public Model {
            classNames = List.copyOf(classNames);
        }
    }

    /**
     * Generates and compiles the N-entity model under {@code directory} ({@code src/}, {@code classes/}), unless a
     * complete model of this N, schema count and {@link #VERSION} is already there.
     *
     * @param schemas 2 ({@code alpha} and {@code beta}) or 1 ({@code public})
     */
    public static Model generate(int entities, int schemas, Path directory) {
        if (entities < 1) {
            throw new IllegalArgumentException("at least one entity, not " + entities);
        }
        if (schemas != 1 && schemas != 2) {
            throw new IllegalArgumentException("1 or 2 schemas, not " + schemas);
        }
        Path sources = directory.resolve("src");
        Path classes = directory.resolve("classes");
        List<String> classNames = classNames(entities, schemas);
        String stamp = "entities=" + entities + " schemas=" + schemas + " version=" + VERSION + "\n";
        try {
            Path stampFile = directory.resolve(STAMP);
            if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
                return new Model(entities, schemas, sources, classes, classNames);
            }
            deleteTree(sources);
            deleteTree(classes);
            Files.deleteIfExists(stampFile);
            writeSources(entities, schemas, sources);
            compile(sources, classes);
            Files.writeString(classes.resolve(HIBERNATE_CONFIG), hibernateConfig(classNames));
            Files.writeString(classes.resolve(CLASS_LIST), String.join("\n", classNames) + "\n");
            Files.writeString(stampFile, stamp);
            return new Model(entities, schemas, sources, classes, classNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> classNames(int entities, int schemas) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            names.add(PACKAGE + "." + packageOf(i, schemas) + "." + className(i));
        }
        return names;
    }

    /** The schema of entity {@code i}. */
    static String schema(int i, int schemas) {
        return schemas == 1 ? "public" : TWO_SCHEMAS.get(i % 2);
    }

    /** The last part of entity {@code i}'s package: its schema, but {@code public} is a Java keyword. */
    static String packageOf(int i, int schemas) {
        return schemas == 1 ? "main" : schema(i, schemas);
    }

    static String className(int i) {
        return String.format(Locale.ROOT, "Item%04d", i);
    }

    static String tableName(int i) {
        return String.format(Locale.ROOT, "item_%04d", i);
    }

    /** The first reference: a deterministic earlier entity ({@code -1} for entity 0). */
    static int firstReference(int i) {
        return i == 0 ? -1 : (int) Math.floorMod(mix(i), (long) i);
    }

    /** The second reference, to another earlier entity, for two entities in three from entity 2 on; else {@code -1}. */
    static int secondReference(int i) {
        if (i < 2 || i % 3 == 0) {
            return -1;
        }
        int other = (int) Math.floorMod(mix(i + 1_000_003L), (long) i);
        return other == firstReference(i) ? (other + 1) % i : other;
    }

    /** A fixed bit mixer (MurmurHash3's finaliser): spreads references over all earlier entities. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    static void writeSources(int entities, int schemas, Path sources) throws IOException {
        Path base = sources.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(base);
        Files.writeString(base.resolve("Status.java"), "package " + PACKAGE + ";\n\n"
                + "public enum Status {\n    NEW, ACTIVE, SUSPENDED, CLOSED\n}\n");
        for (int i = 0; i < entities; i++) {
            Path packageDirectory = base.resolve(packageOf(i, schemas));
            Files.createDirectories(packageDirectory);
            Files.writeString(packageDirectory.resolve(className(i) + ".java"), entitySource(i, schemas),
                    StandardCharsets.UTF_8);
        }
    }

    static String entitySource(int i, int schemas) {
        String table = tableName(i);
        int codeLength = 16 + (i % 4) * 8;
        int titleLength = 100 + (i % 5) * 50;
        int first = firstReference(i);
        int second = secondReference(i);
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append('.').append(packageOf(i, schemas)).append(";\n\n");
        s.append("import jakarta.persistence.Column;\n")
                .append("import jakarta.persistence.Entity;\n")
                .append("import jakarta.persistence.EnumType;\n")
                .append("import jakarta.persistence.Enumerated;\n")
                .append("import jakarta.persistence.FetchType;\n")
                .append("import jakarta.persistence.GeneratedValue;\n")
                .append("import jakarta.persistence.GenerationType;\n")
                .append("import jakarta.persistence.Id;\n")
                .append("import jakarta.persistence.Index;\n")
                .append("import jakarta.persistence.JoinColumn;\n")
                .append("import jakarta.persistence.ManyToOne;\n")
                .append("import jakarta.persistence.Table;\n")
                .append("import jakarta.persistence.UniqueConstraint;\n")
                .append("import java.math.BigDecimal;\n")
                .append("import java.time.Instant;\n\n");
        s.append("@Entity\n");
        s.append("@Table(name = \"").append(table).append('"')
                // One schema: the default (public), not named: driftless cannot take Hibernate's "create schema public" yet.
                .append(schemas == 1 ? "" : ", schema = \"" + schema(i, schemas) + "\"").append(",\n")
                .append("        indexes = @Index(name = \"ix_").append(table).append("_created_at\", columnList = \"created_at\"),\n")
                .append("        uniqueConstraints = @UniqueConstraint(name = \"uk_").append(table)
                .append("_tenant_code\", columnNames = {\"tenant\", \"code\"}))\n");
        s.append("public class ").append(className(i)).append(" {\n\n");
        s.append("    @Id\n    @GeneratedValue(strategy = GenerationType.IDENTITY)\n    private Long id;\n\n");
        s.append("    @Column(name = \"tenant\", length = 16, nullable = false)\n    private String tenant;\n\n");
        s.append("    @Column(name = \"code\", length = ").append(codeLength).append(", nullable = false)\n")
                .append("    private String code;\n\n");
        s.append("    @Column(name = \"title\", length = ").append(titleLength).append(")\n    private String title;\n\n");
        s.append("    @Column(name = \"notes\", length = 4000)\n    private String notes;\n\n");
        s.append("    @Column(name = \"amount\", precision = 19, scale = 4, nullable = false)\n")
                .append("    private BigDecimal amount;\n\n");
        s.append("    @Column(name = \"rate\", precision = 9, scale = ").append(2 + i % 5).append(")\n")
                .append("    private BigDecimal rate;\n\n");
        s.append("    @Column(name = \"created_at\", nullable = false)\n    private Instant createdAt;\n\n");
        s.append("    @Column(name = \"updated_at\")\n    private Instant updatedAt;\n\n");
        s.append("    @Enumerated(EnumType.STRING)\n    @Column(name = \"status\", length = 16, nullable = false)\n")
                .append("    private ").append(PACKAGE).append(".Status status;\n\n");
        s.append("    @Column(name = \"active\", nullable = false)\n    private boolean active;\n\n");
        if (first >= 0) {
            s.append("    @ManyToOne(fetch = FetchType.LAZY, optional = false)\n")
                    .append("    @JoinColumn(name = \"owner_id\", nullable = false)\n")
                    .append("    private ").append(PACKAGE).append('.').append(packageOf(first, schemas)).append('.')
                    .append(className(first)).append(" owner;\n\n");
        }
        if (second >= 0) {
            s.append("    @ManyToOne(fetch = FetchType.LAZY)\n")
                    .append("    @JoinColumn(name = \"parent_id\")\n")
                    .append("    private ").append(PACKAGE).append('.').append(packageOf(second, schemas)).append('.')
                    .append(className(second)).append(" parent;\n\n");
        }
        s.append("    protected ").append(className(i)).append("() {\n    }\n}\n");
        return s.toString();
    }

    static String hibernateConfig(List<String> classNames) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE hibernate-configuration PUBLIC
                        "-//Hibernate/Hibernate Configuration DTD 3.0//EN"
                        "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">
                <!-- Written by the driftless benchmark for liquibase-hibernate's hibernate:classic: reference URL. -->
                <hibernate-configuration>
                  <session-factory>
                    <property name="hibernate.dialect">org.hibernate.dialect.PostgreSQLDialect</property>
                """);
        for (String name : classNames) {
            xml.append("    <mapping class=\"").append(name).append("\"/>\n");
        }
        return xml.append("  </session-factory>\n</hibernate-configuration>\n").toString();
    }

    /** Compiles every source against the Jakarta Persistence API jar this JVM has. */
    static void compile(Path sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this JVM: run the benchmark with a JDK, not a JRE");
        }
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", persistenceApiJar(),
                "-proc:none", "-nowarn", "-g:none", "--release", "17"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("compiling the generated model in " + sources + " failed:\n" + errors);
        }
    }

    private static String persistenceApiJar() {
        try {
            return Path.of(jakarta.persistence.Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the Jakarta Persistence API jar", e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
