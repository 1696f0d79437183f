package dev.driftless.api;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.backup.BackupPolicy;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.generator.findings.IgnoreRules;
import dev.driftless.generator.render.ChangelogFormat;
import dev.driftless.generator.settings.ApplicationSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The fluent configuration of the Java API, in the style of Flyway's: start with {@link Driftless#configure()}, set
 * what differs from the defaults, and {@link #load()} the facade.
 *
 * <pre>{@code
 * Driftless driftless = Driftless.configure()
 *         .dataSource(dataSource)
 *         .entityPackages("com.acme.domain")
 *         .changelogs(Path.of("src/main/resources/db/changelog"))
 *         .load();
 * driftless.validate();
 * }</pre>
 *
 * <p>Nothing here reads {@code driftless.yaml}, the environment (but {@code DRIFTLESS_PASSWORD}, see
 * {@link #password}) or the application's configuration files: what is not set has the command line's default.
 * Relative paths are resolved against {@link #projectDirectory}. A configuration is not thread-safe; the facade it
 * loads holds an immutable copy, so changing the configuration afterwards does not change that facade.
 */
public final class DriftlessConfiguration {

    private Path projectDirectory = Path.of("").toAbsolutePath();
    private DataSource dataSource;
    private String url;
    private String user;
    private String password;
    private final List<String> entityPackages = new ArrayList<>();
    private final List<Path> classes = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private final List<Path> sources = new ArrayList<>();
    private ClassLoader classLoader;
    private Path changelogs = Path.of("changelogs");
    private ChangelogFormat format = ChangelogFormat.SQL;
    private String naming;
    private String defaultSchema;
    private final Map<String, String> hibernate = new LinkedHashMap<>();
    private String devUrl;
    private boolean dropUnmapped;
    private boolean renamesFromHistory = true;
    private BackupPolicy backupPolicy = BackupPolicy.DESTRUCTIVE;
    private Duration lockTimeout = ApplyOptions.DEFAULT_LOCK_TIMEOUT;
    private Consumer<String> progress = line -> { };
    private Clock clock = Clock.systemUTC();

    DriftlessConfiguration() {
    }

    /**
     * The folder the other paths are relative to, and where driftless keeps its data ({@code .driftless/}: caches,
     * the embedded databases) and backups ({@code backups/}). Default: the working directory.
     */
    public DriftlessConfiguration projectDirectory(Path directory) {
        this.projectDirectory = directory.toAbsolutePath().normalize();
        return this;
    }

    /**
     * The target database: every connection driftless makes to it comes from {@code dataSource} (and is closed, so a
     * pool gets it back). Its JDBC URL and user are read once from a connection's metadata when {@link #load()} runs,
     * to name the target in results and to let {@code pg_dump} back it up; {@code pg_dump} cannot use the DataSource,
     * so a backup of a server that needs a password takes it from {@link #password} or {@code DRIFTLESS_PASSWORD}.
     * Not together with {@link #url}.
     */
    public DriftlessConfiguration dataSource(DataSource dataSource) {
        this.dataSource = dataSource;
        return this;
    }

    /**
     * The target database by JDBC URL ({@code jdbc:postgresql://host:port/database}). Neither this nor a
     * {@link #dataSource}: the embedded database under {@code .driftless/}, as on the command line.
     */
    public DriftlessConfiguration url(String url) {
        this.url = url;
        return this;
    }

    /** The user to connect to {@link #url} as. */
    public DriftlessConfiguration user(String user) {
        this.user = user;
        return this;
    }

    /**
     * The password for {@link #url}, and for {@code pg_dump} backups of a {@link #dataSource}'s database. Not given:
     * the environment variable {@code DRIFTLESS_PASSWORD}, if set. It never appears in a result or a message.
     */
    public DriftlessConfiguration password(String password) {
        this.password = password;
        return this;
    }

    /**
     * The packages whose {@code @Entity}, {@code @MappedSuperclass} and {@code @Embeddable} classes are the model
     * (subpackages included). Unless {@link #classes} are given, the folders or jars that hold them are found on the
     * {@link #classLoader class loader}: in a test, the entities on its own class path.
     */
    public DriftlessConfiguration entityPackages(String... packages) {
        entityPackages.addAll(Arrays.asList(packages));
        return this;
    }

    /** Folders or jars of compiled entity classes (the command line's {@code --classes}); all of them, or only {@link #entityPackages}. */
    public DriftlessConfiguration classes(Path... locations) {
        classes.addAll(Arrays.asList(locations));
        return this;
    }

    /** Further folders or jars the entity classes need (the command line's {@code --classpath}). */
    public DriftlessConfiguration classpath(Path... entries) {
        classpath.addAll(Arrays.asList(entries));
        return this;
    }

    /** Where {@link #entityPackages} are looked for. Default: the thread's context class loader. */
    public DriftlessConfiguration classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /**
     * The entity source roots, for the file and line of every finding and for renames found in their git history.
     * Default: {@code src/main/java} and {@code src/test/java} of the project directory.
     */
    public DriftlessConfiguration sources(Path... roots) {
        sources.addAll(Arrays.asList(roots));
        return this;
    }

    /** The changelog directory (its master changelog and the generated files). Default: {@code changelogs}. */
    public DriftlessConfiguration changelogs(Path directory) {
        this.changelogs = directory;
        return this;
    }

    /** The format {@link Driftless#diff()} writes: {@code sql} (default) or {@code yaml}. */
    public DriftlessConfiguration format(String format) {
        try {
            this.format = ChangelogFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage());
        }
        return this;
    }

    /**
     * The application's naming strategy: {@code hibernate} (default), {@code jpa}, {@code spring} (Spring Boot's) or a
     * physical naming strategy's class name.
     */
    public DriftlessConfiguration naming(String naming) {
        this.naming = naming;
        return this;
    }

    /** {@code hibernate.default_schema}: the schema of tables that name none. */
    public DriftlessConfiguration defaultSchema(String schema) {
        this.defaultSchema = schema;
        return this;
    }

    /** Hibernate settings the application boots with ({@code hibernate.*} names), added to those given before. */
    public DriftlessConfiguration hibernate(Map<String, String> settings) {
        hibernate.putAll(settings);
        return this;
    }

    /** One Hibernate setting the application boots with. */
    public DriftlessConfiguration hibernateProperty(String key, String value) {
        hibernate.put(key, value);
        return this;
    }

    /**
     * A server for throwaway dev databases, with a user that may create databases (user and password in the URL's
     * query). Default: an embedded PostgreSQL (the target's own server when the target is the embedded database).
     */
    public DriftlessConfiguration devUrl(String devUrl) {
        this.devUrl = devUrl;
        return this;
    }

    /** Whether {@link Driftless#diff()} drops tables the entities do not map. Default: no, they are reported and kept. */
    public DriftlessConfiguration dropUnmapped(boolean drop) {
        this.dropUnmapped = drop;
        return this;
    }

    /** Whether {@link Driftless#diff()} finds renames in the git history of the {@link #sources}. Default: yes. */
    public DriftlessConfiguration renamesFromHistory(boolean detect) {
        this.renamesFromHistory = detect;
        return this;
    }

    /** When {@link Driftless#apply()} backs up first: {@code destructive} (default), {@code always} or {@code never}. */
    public DriftlessConfiguration backup(String policy) {
        try {
            this.backupPolicy = BackupPolicy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage());
        }
        return this;
    }

    /** How long apply and rollback wait for another run's migration lock. */
    public DriftlessConfiguration lockTimeout(Duration timeout) {
        this.lockTimeout = timeout;
        return this;
    }

    /** Told what driftless is doing, a line at a time (the command line's progress on stderr). Default: silent. */
    public DriftlessConfiguration progress(Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    /** The clock that stamps generated changelogs' names. Default: the system clock in UTC. */
    public DriftlessConfiguration clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * The facade for this configuration. Connects once when a {@link #dataSource} is given, to read its URL and user.
     *
     * @throws DriftlessException with {@link ExitCode#USAGE} when the configuration is contradictory, a package is
     *                            not on the class path, or the DataSource cannot connect
     */
    public Driftless load() {
        return new Driftless(toConfig(), clock, progress);
    }

    /** The immutable configuration every verb runs with. */
    Config toConfig() {
        if (dataSource != null && url != null) {
            throw new DriftlessException(ExitCode.USAGE, "give the target as a dataSource or as a url, not both");
        }
        String secret = password != null ? password : blankToNull(System.getenv("DRIFTLESS_PASSWORD"));
        DataSourceTarget.Named target = dataSource != null ? DataSourceTarget.name(dataSource) : null;
        Map<String, String> settings = new TreeMap<>(hibernate);
        NamingStrategy strategy = naming != null ? NamingStrategy.parse(naming) : NamingStrategy.of(
                settings.get(ApplicationSettings.PHYSICAL_NAMING), settings.get(ApplicationSettings.IMPLICIT_NAMING));
        String schema = defaultSchema != null ? defaultSchema : settings.get(ApplicationSettings.DEFAULT_SCHEMA);
        settings.remove(ApplicationSettings.PHYSICAL_NAMING);
        settings.remove(ApplicationSettings.IMPLICIT_NAMING);
        settings.remove(ApplicationSettings.DEFAULT_SCHEMA);
        List<Path> roots = sources.isEmpty()
                ? List.of(projectDirectory.resolve("src/main/java"), projectDirectory.resolve("src/test/java"))
                : resolved(sources);
        return new Config(projectDirectory, entityClasses(), resolved(classpath), strategy, schema,
                projectDirectory.resolve(changelogs).normalize(), format,
                target != null ? target.url() : url, target != null ? target.user() : user, secret,
                projectDirectory.resolve(".driftless"), dropUnmapped, devUrl,
                new RenameSettings(List.of(), roots.get(0), renamesFromHistory, null, false),
                new Config.Runner(backupPolicy, projectDirectory.resolve("backups"), null, lockTimeout), roots,
                IgnoreRules.none(),
                new HibernateSettings(strategy, schema, new TreeMap<>(settings), ApplicationSettings.none(), null),
                null, null, entityPackages, dataSource);
    }

    /** The given classes, else the class path entries that hold the entity packages. */
    private List<Path> entityClasses() {
        if (!classes.isEmpty()) {
            return resolved(classes);
        }
        ClassLoader loader = classLoader != null ? classLoader
                : Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : DriftlessConfiguration.class.getClassLoader();
        return PackageRoots.of(entityPackages, loader);
    }

    private List<Path> resolved(List<Path> paths) {
        return paths.stream().map(p -> projectDirectory.resolve(p).normalize()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
