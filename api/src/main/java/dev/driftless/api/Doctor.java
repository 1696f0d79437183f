package dev.driftless.api;

import dev.driftless.changelogs.LiquibaseExtensions;
import dev.driftless.generator.settings.ApplicationSettings;
import dev.driftless.generator.devdb.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** {@code driftless doctor}: is everything a command needs there, and how to fix what is not. */
public final class Doctor {

    /** One check: {@code fix} says what to do when it failed, {@code null} when it passed. */
    public record Check(String name, String detail, String fix) {
        public boolean ok() {
            return fix == null;
        }
    }

    private static final int MIN_JAVA = 17;
    /** How an annotation on a class is written in its class file's constant pool. */
    private static final byte[] ENTITY = "Ljakarta/persistence/Entity;".getBytes(StandardCharsets.US_ASCII);

    private final Config config;
    private final Consumer<String> progress;

    public Doctor(Config config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        Check build = build();
        checks.add(build);
        if (build.ok()) {
            checks.add(entities());
            LiquibaseExtensions extensions = config.liquibaseExtensions();
            if (extensions.present()) {
                checks.add(new Check("liquibase", "the project's Liquibase extensions, used with its changelog: "
                        + String.join(", ", extensions.services()), null));
            }
        }
        checks.add(naming());
        changelogSettings().ifPresent(checks::add);
        if (config.url() != null) {
            checks.add(database());
        }
        checks.add(devDatabase());
        return checks;
    }

    private static Check java() {
        Runtime.Version version = Runtime.version();
        return version.feature() >= MIN_JAVA ? new Check("java", "Java " + version, null)
                : new Check("java", "Java " + version, "install a JDK " + MIN_JAVA + " or newer");
    }

    private Check build() {
        try {
            List<Path> classes = config.requireClasses();
            for (Path location : classes) {
                if (!Files.exists(location)) {
                    return new Check("build", location + " does not exist", "compile the project, or fix 'classes' in "
                            + Config.FILE_NAME);
                }
            }
            List<Path> classpath = config.modelClasspath(progress);
            return new Check("build", "classes " + classes + (config.maven() != null ? " (Maven module "
                    + config.maven().directory().getFileName() + ")" : "") + ", class path of " + classpath.size()
                    + " entr" + (classpath.size() == 1 ? "y" : "ies"), null);
        } catch (DriftlessException e) {
            return new Check("build", "no usable classes", e.getMessage());
        }
    }

    private Check entities() {
        long count = config.classes().stream().mapToLong(Doctor::entityClasses).sum();
        return count > 0 ? new Check("entities", count + " @Entity class(es)", null)
                : new Check("entities", "no @Entity class in " + config.classes(),
                "point 'classes' at the compiled classes of the module that holds the entities, and compile it");
    }

    private static long entityClasses(Path location) {
        if (!Files.isDirectory(location)) {
            return location.toString().endsWith(".jar") ? 1 : 0; // a jar is trusted here; diff reads it in full
        }
        try (Stream<Path> files = Files.walk(location)) {
            return files.filter(f -> f.toString().endsWith(".class")).filter(Doctor::annotatedEntity).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static boolean annotatedEntity(Path classFile) {
        try {
            byte[] bytes = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i <= bytes.length - ENTITY.length; i++) {
                for (int j = 0; j < ENTITY.length; j++) {
                    if (bytes[i + j] != ENTITY[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private Check naming() {
        String origin = config.hibernate().note() != null ? " — " + config.hibernate().note() : " (Hibernate's default)";
        return new Check("naming", config.naming().describe() + origin, null);
    }

    /** What the application's own Liquibase configuration decided, when it said anything. */
    private java.util.Optional<Check> changelogSettings() {
        ApplicationSettings app = config.hibernate().application();
        if (app.liquibase().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        app.liquibase().forEach((key, value) -> parts.add(key + " " + (Secrets.namedLikeASecret(key) ? "***" : value) + " ("
                + app.liquibaseOrigin(key) + ")"));
        String detail = "the application's Liquibase settings: " + String.join(", ", parts) + "; changelogs in "
                + config.changelogDirectory() + ", master " + config.master().name() + (config.runner().changelogRoot() != null
                ? ", named from " + config.runner().changelogRoot() : "");
        return java.util.Optional.of(new Check("liquibase", detail, config.runner().changelogRoot() != null ? null
                : ApplicationChangelog.unusable(app).orElse(null)));
    }

    private Check database() {
        try (Target target = Target.open(config, progress); Connection connection = target.connect()) {
            return new Check("database", "connected to " + target.describe() + " (PostgreSQL "
                    + connection.getMetaData().getDatabaseProductVersion() + ")", null);
        } catch (DriftlessException | SQLException e) {
            return new Check("database", "cannot connect to " + Target.redact(config.url()), e.getMessage()
                    + " (check the URL and DRIFTLESS_USER/DRIFTLESS_PASSWORD)");
        }
    }

    private Check devDatabase() {
        if (config.url() == null) {
            try (Target target = Target.open(config, progress); Connection connection = target.connect()) {
                return new Check("embedded database", "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion()
                        + " in " + config.dataDirectory().resolve("pgdata"), null);
            } catch (DriftlessException | SQLException e) {
                return new Check("embedded database", "does not start", e.getMessage());
            }
        }
        if (config.devUrl() != null) {
            return new Check("dev database", "dev-url " + Target.redact(config.devUrl()) + " (used as given)", null);
        }
        try (EmbeddedServer server = EmbeddedServer.start(config.dataDirectory().resolve("devdb"), false, progress)) {
            return new Check("dev database", "embedded PostgreSQL starts in " + server.dataDirectory(), null);
        } catch (IOException | RuntimeException e) {
            return new Check("dev database", "the embedded PostgreSQL does not start", e.getMessage()
                    + " (or give a server for throwaway databases as dev-url)");
        }
    }
}
