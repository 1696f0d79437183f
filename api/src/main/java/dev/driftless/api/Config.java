package dev.driftless.api;

import dev.driftless.changelogs.Bookkeeping;
import dev.driftless.changelogs.ChangelogRunner;
import dev.driftless.changelogs.LiquibaseExtensions;
import dev.driftless.generator.settings.ApplicationSettings;
import dev.driftless.changelogs.ChangesetFilter;

import dev.driftless.changelogs.ApplyOptions;
import dev.driftless.changelogs.backup.BackupPolicy;
import dev.driftless.generator.cache.DerivedCache;
import dev.driftless.generator.entity.ApplicationHibernate;
import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.generator.findings.IgnoreRules;
import dev.driftless.generator.render.ChangelogFormat;
import dev.driftless.generator.render.DdlSettings;
import dev.driftless.generator.render.MasterChangelog;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Everything a driftless run needs to know. Resolved from flags, then environment variables
 * ({@code DRIFTLESS_URL}, {@code DRIFTLESS_USER}, {@code DRIFTLESS_PASSWORD}), then {@code driftless.yaml}.
 *
 * @param url      the target database, or {@code null} for the embedded database under {@code dataDirectory}
 * @param password never printed; only from the environment or the URL
 * @param classes  compiled entity classes; may be empty for commands that only run changelogs
 * @param devUrl   a server for throwaway dev databases (it must let the user create databases), or {@code null}
 *                 for the embedded one
 * @param runner   how changelogs are applied and backed up
 * @param sources  the entity sources (root directories), for the file and line of findings and for renames found in
 *                 their git history; default {@code src/main/java} next to driftless.yaml
 * @param ignore   objects the model does not own ({@code ignore:} in driftless.yaml): never reported as unmapped,
 *                 never dropped, left out of validate and check
 * @param ddl      how generated DDL treats existing tables: online forms and timeouts, or plain ({@code simple-ddl})
 * @param maven    the Maven module whose {@code target/classes} are the classes and whose build gives the class path,
 *                 when neither flags nor driftless.yaml name the classes; {@code null} otherwise
 * @param packages only the mapped classes of these packages are the model (the Java API's {@code entityPackages});
 *                 empty for every mapped class in {@code classes}
 * @param dataSource where connections to the target come from, when the Java API was given one; {@code url} and
 *                 {@code user} are then read from its connections, for descriptions and for pg_dump backups only
 */
public record Config(Path projectDirectory, List<Path> classes, List<Path> classpath, NamingStrategy naming,
                     String defaultSchema, Path changelogDirectory, ChangelogFormat format, String url, String user,
                     String password, Path dataDirectory, boolean dropUnmapped, String devUrl,
                     RenameSettings renames, Runner runner, List<Path> sources, IgnoreRules ignore,
                     HibernateSettings hibernate, DdlSettings ddl, MavenModule maven, List<String> packages,
                     javax.sql.DataSource dataSource) {

    public static final String FILE_NAME = "driftless.yaml";
    /** {@code classpath: maven}: the class path the Maven module of the classes resolves. */
    private static final String MAVEN = "maven";
    private static final Set<String> KEYS = Set.of(
            "classes", "classpath", "naming", "default-schema", "changelogs", "format", "url", "user", "drop-unmapped",
            "dev-url",
            // renames: hints, detection from the entity sources' history (see RenameSettings)
            "renames", "sources",
            // how changelogs are applied and backed up (see Runner)
            "backup", "backups", "pg-dump", "lock-timeout", "contexts", "labels", "changelog-root", "liquibase-schema",
            "master", "changelog-table", "changelog-lock-table", "changelog-parameters",
            // objects the model does not own (see IgnoreRules)
            "ignore",
            // the application's Hibernate settings, and where its own configuration files are (see HibernateSettings)
            "hibernate", "profile", "resources",
            // whose schema the model means: Hibernate 6.6's or 7's (see Hibernate6Schema)
            "hibernate-schema",
            // how generated DDL treats tables that already exist (see DdlSettings)
            "simple-ddl", "ddl-lock-timeout", "ddl-statement-timeout", "ddl-concurrent-timeout");

    /**
     * @param backupPolicy    when apply backs up first
     * @param backupDirectory where backups go (git-ignored)
     * @param pgDump          the pg_dump to use, or {@code null} to look on PATH
     * @param lockTimeout     how long to wait for another run's migration lock
     * @param filter          the Liquibase contexts and labels every command reads the changelog with
     * @param bookkeeping     where the target keeps DATABASECHANGELOG and the other bookkeeping tables (the session's
     *                        current schema unless {@code liquibase-schema} names one), and their names
     * @param master          the master changelog's file name in the changelog directory ({@code master:}, or the
     *                        application's own master), {@value MasterChangelog#DEFAULT_NAME} unless told
     */
    public record Runner(BackupPolicy backupPolicy, Path backupDirectory, Path pgDump, Duration lockTimeout,
                         ChangesetFilter filter, Path changelogRoot, Bookkeeping bookkeeping, String master) {

        public Runner {
            filter = filter == null ? ChangesetFilter.ALL : filter;
            bookkeeping = bookkeeping == null ? new Bookkeeping(null, null, null) : bookkeeping;
            master = master == null ? MasterChangelog.DEFAULT_NAME : master;
        }

        /** The schema of the bookkeeping tables ({@code liquibase-schema}); {@code null} for the current schema. */
        public String liquibaseSchema() {
            return bookkeeping.named();
        }

        public Runner(BackupPolicy backupPolicy, Path backupDirectory, Path pgDump, Duration lockTimeout,
                      ChangesetFilter filter, Path changelogRoot) {
            this(backupPolicy, backupDirectory, pgDump, lockTimeout, filter, changelogRoot, null, null);
        }

        public Runner(BackupPolicy backupPolicy, Path backupDirectory, Path pgDump, Duration lockTimeout,
                      ChangesetFilter filter) {
            this(backupPolicy, backupDirectory, pgDump, lockTimeout, filter, null);
        }

        public Runner(BackupPolicy backupPolicy, Path backupDirectory, Path pgDump, Duration lockTimeout) {
            this(backupPolicy, backupDirectory, pgDump, lockTimeout, ChangesetFilter.ALL);
        }
    }

    /**
     * Where Liquibase finds the changelog files, and so how {@code DATABASECHANGELOG} names them: the changelog
     * directory itself, or {@code changelog-root} (e.g. {@code src/main/resources}, for a history Spring Boot's
     * Liquibase wrote as {@code db/changelog/…}).
     */
    public Path changelogRoot() {
        return runner.changelogRoot() != null ? runner.changelogRoot() : changelogDirectory;
    }

    /** The master changelog's path below {@link #changelogRoot()}, with forward slashes. */
    public String masterChangelog() {
        return changelogRoot().toAbsolutePath().normalize()
                .relativize(master().file().toAbsolutePath().normalize())
                .toString().replace('\\', '/');
    }

    /** The master changelog driftless includes its files from, in the changelog directory. */
    public MasterChangelog master() {
        return MasterChangelog.in(changelogDirectory, runner.master());
    }

    /** {@link #master()}, for a command about to include a file in it: refused (exit 2) when it takes no includes. */
    public MasterChangelog writableMaster() {
        MasterChangelog master = master();
        try {
            master.requireWritable();
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage(), e);
        }
        return master;
    }

    /** The same configuration reading the changelog with these contexts and labels where given ({@code --contexts}). */
    public Config withFilter(String contexts, String labels) {
        Runner filtered = new Runner(runner.backupPolicy(), runner.backupDirectory(), runner.pgDump(), runner.lockTimeout(),
                runner.filter().or(contexts, labels), runner.changelogRoot(), runner.bookkeeping(), runner.master());
        return new Config(projectDirectory, classes, classpath, naming, defaultSchema, changelogDirectory, format, url, user,
                password, dataDirectory, dropUnmapped, devUrl, renames, filtered, sources, ignore, hibernate, ddl, maven,
                packages, dataSource);
    }

    /**
     * A runner for the project's changelog on the target's {@code connection}, reading it with the configured contexts
     * and labels, keeping its bookkeeping tables where {@code liquibase-schema} says.
     */
    public ChangelogRunner changelogRunner(java.sql.Connection connection) {
        return scratchRunner(connection).withBookkeeping(runner.bookkeeping());
    }

    /**
     * As {@link #changelogRunner}, for a scratch database driftless made itself to replay the changelog: its
     * bookkeeping tables stay in its default schema, the only one it has before the replay.
     */
    public ChangelogRunner scratchRunner(java.sql.Connection connection) {
        return new ChangelogRunner(connection, changelogRoot(), masterChangelog())
                .filtered(runner.filter())
                .withExtensions(liquibaseExtensions());
    }

    /**
     * The Liquibase extensions the project registers on its class path (its compiled classes and its dependencies),
     * read with every changelog as the project's own Liquibase reads it. In a Maven project without {@code classpath:},
     * the dependencies are those a former run resolved: reading a changelog never runs Maven.
     */
    public LiquibaseExtensions liquibaseExtensions() {
        List<Path> dependencies = !classpath.isEmpty() || maven == null ? classpath
                : new MavenClasspath(maven, cache()).cached().orElse(List.of());
        return LiquibaseExtensions.fromClassPath(java.util.stream.Stream.concat(classes.stream(), dependencies.stream()).toList());
    }

    public Config {
        classes = List.copyOf(classes);
        classpath = List.copyOf(classpath);
        sources = List.copyOf(sources);
        ignore = ignore == null ? IgnoreRules.none() : ignore;
        hibernate = hibernate == null ? HibernateSettings.of(naming, defaultSchema) : hibernate;
        ddl = ddl == null ? DdlSettings.DEFAULT : ddl;
        packages = packages == null ? List.of() : List.copyOf(packages);
        if (runner != null && runner.changelogRoot() != null && changelogDirectory != null
                && !changelogDirectory.toAbsolutePath().normalize().startsWith(runner.changelogRoot())) {
            throw new DriftlessException(ExitCode.USAGE, "changelog-root " + runner.changelogRoot()
                    + " does not hold the changelogs directory " + changelogDirectory
                    + ": it is the folder Liquibase names the changelog files from, so it must contain them");
        }
    }

    /** Every entity class in {@code classes}, connecting by {@code url}: what the command line and driftless.yaml give. */
    public Config(Path projectDirectory, List<Path> classes, List<Path> classpath, NamingStrategy naming,
                  String defaultSchema, Path changelogDirectory, ChangelogFormat format, String url, String user,
                  String password, Path dataDirectory, boolean dropUnmapped, String devUrl,
                  RenameSettings renames, Runner runner, List<Path> sources, IgnoreRules ignore,
                  HibernateSettings hibernate, DdlSettings ddl, MavenModule maven) {
        this(projectDirectory, classes, classpath, naming, defaultSchema, changelogDirectory, format, url, user, password,
                dataDirectory, dropUnmapped, devUrl, renames, runner, sources, ignore, hibernate, ddl, maven, List.of(), null);
    }

    public Config(Path projectDirectory, List<Path> classes, List<Path> classpath, NamingStrategy naming,
                  String defaultSchema, Path changelogDirectory, ChangelogFormat format, String url, String user,
                  String password, Path dataDirectory, boolean dropUnmapped, String devUrl,
                  RenameSettings renames, Runner runner, List<Path> sources, IgnoreRules ignore,
                  HibernateSettings hibernate, DdlSettings ddl) {
        this(projectDirectory, classes, classpath, naming, defaultSchema, changelogDirectory, format, url, user, password,
                dataDirectory, dropUnmapped, devUrl, renames, runner, sources, ignore, hibernate, ddl, null);
    }

    public Config(Path projectDirectory, List<Path> classes, List<Path> classpath, NamingStrategy naming,
                  String defaultSchema, Path changelogDirectory, ChangelogFormat format, String url, String user,
                  String password, Path dataDirectory, boolean dropUnmapped, String devUrl,
                  RenameSettings renames, Runner runner, List<Path> sources, IgnoreRules ignore,
                  HibernateSettings hibernate) {
        this(projectDirectory, classes, classpath, naming, defaultSchema, changelogDirectory, format, url, user, password,
                dataDirectory, dropUnmapped, devUrl, renames, runner, sources, ignore, hibernate, null);
    }

    /** The same, writing plain DDL ({@code --simple-ddl}). */
    public Config withSimpleDdl() {
        return new Config(projectDirectory, classes, classpath, naming, defaultSchema, changelogDirectory, format, url, user,
                password, dataDirectory, dropUnmapped, devUrl, renames, runner, sources, ignore, hibernate, ddl.simple(), maven,
                packages, dataSource);
    }

    /** Without settings of the application's own: the naming and default schema are all there is. */
    public Config(Path projectDirectory, List<Path> classes, List<Path> classpath, NamingStrategy naming,
                  String defaultSchema, Path changelogDirectory, ChangelogFormat format, String url, String user,
                  String password, Path dataDirectory, boolean dropUnmapped, String devUrl,
                  RenameSettings renames, Runner runner, List<Path> sources, IgnoreRules ignore) {
        this(projectDirectory, classes, classpath, naming, defaultSchema, changelogDirectory, format, url, user, password,
                dataDirectory, dropUnmapped, devUrl, renames, runner, sources, ignore, null);
    }

    /** The same configuration with other entity source roots ({@code --sources}). */
    public Config withSources(List<Path> newSources) {
        return new Config(projectDirectory, classes, classpath, naming, defaultSchema, changelogDirectory, format, url, user,
                password, dataDirectory, dropUnmapped, devUrl, renames, runner, newSources, ignore, hibernate, ddl, maven,
                packages, dataSource);
    }

    /** The same configuration with further class-path entries ({@code --classpath}). */
    public Config withClasspath(List<Path> entries) {
        List<Path> all = new ArrayList<>(classpath);
        all.addAll(entries);
        return new Config(projectDirectory, classes, all, naming, defaultSchema, changelogDirectory, format, url, user,
                password, dataDirectory, dropUnmapped, devUrl, renames, runner, sources, ignore, hibernate, ddl, maven,
                packages, dataSource);
    }

    /**
     * The same configuration with the classes and class path a build tool already knows (the Maven plugin: the project's
     * compiled classes, its reactor siblings', and its resolved runtime class path), so the Maven module is never asked
     * for them again; configured {@code classpath} entries stay in front.
     */
    public Config withBuildClasses(List<Path> buildClasses, List<Path> buildClasspath) {
        List<Path> all = new ArrayList<>(classpath);
        all.addAll(buildClasspath);
        return new Config(projectDirectory, buildClasses, all, naming, defaultSchema, changelogDirectory, format, url, user,
                password, dataDirectory, dropUnmapped, devUrl, renames, runner, sources, ignore, hibernate, ddl, null);
    }

    /** Values given on the command line; {@code null} means "not given". */
    public record Overrides(Path configFile, List<Path> classes, String url, String user, Path changelogs, String format,
                            String naming, Boolean dropUnmapped, String devUrl, RenameSettings.Overrides renames,
                            String backup, Path pgDump, String lockTimeout, String profile) {
        public Overrides(Path configFile, List<Path> classes, String url, String user, Path changelogs, String format,
                         String naming, Boolean dropUnmapped, String devUrl, RenameSettings.Overrides renames,
                         String backup, Path pgDump, String lockTimeout) {
            this(configFile, classes, url, user, changelogs, format, naming, dropUnmapped, devUrl, renames, backup, pgDump,
                    lockTimeout, null);
        }

        public Overrides(Path configFile, List<Path> classes, String url, String user, Path changelogs, String format,
                         String naming, Boolean dropUnmapped, String devUrl) {
            this(configFile, classes, url, user, changelogs, format, naming, dropUnmapped, devUrl, null, null, null, null);
        }
    }

    public static Config load(Path workingDirectory, Overrides flags, Map<String, String> env) {
        return load(ProjectLayout.discover(workingDirectory, flags.configFile()), workingDirectory, flags, env);
    }

    /** With the project already found ({@link ProjectLayout#discover}): relative flags still mean the working directory. */
    public static Config load(ProjectLayout layout, Path workingDirectory, Overrides flags, Map<String, String> env) {
        Path file = layout.configFile();
        if (flags.configFile() != null && !Files.exists(file)) {
            throw new DriftlessException(ExitCode.USAGE, "the configuration file " + file + " does not exist");
        }
        refusePasswordIn("--url", flags.url(), "set DRIFTLESS_PASSWORD (and DRIFTLESS_USER) instead");
        refusePasswordIn("--dev-url", flags.devUrl(), "put it in DRIFTLESS_DEV_URL or 'dev-url' in driftless.yaml instead");
        Map<String, Object> yaml = file != null && Files.exists(file) ? readYaml(file) : Map.of();
        Path base = layout.base();
        Path shownFile = file != null ? file : base.resolve(FILE_NAME);

        boolean classesGiven = flags.classes() != null && !flags.classes().isEmpty() || yaml.get("classes") != null;
        boolean askMaven = MAVEN.equals(yaml.get("classpath"));
        // zero set-up: in a Maven module, its target/classes, and (when asked for) the class path Maven resolves
        MavenModule maven = classesGiven ? null : layout.module();
        GradleProject gradle = classesGiven ? null : layout.gradle();
        List<Path> classes = flags.classes() != null && !flags.classes().isEmpty()
                ? flags.classes().stream().map(p -> workingDirectory.resolve(p).normalize()).toList()
                : maven != null ? List.of(maven.classes())
                : gradle != null ? gradle.classes() : paths(base, yaml.get("classes"));
        if (askMaven) {
            maven = mavenModuleOf(classes, shownFile);
        }
        HibernateSettings hibernate = hibernateSettings(shownFile, base, yaml, flags, classes);
        // the application's Liquibase master decides where the changelogs are only when nothing else does: not a flag,
        // not driftless.yaml, not a driftless changelog already in the default folder
        ApplicationChangelog appChangelog = flags.changelogs() != null || yaml.get("changelogs") != null
                || yaml.get("changelog-root") != null
                || Files.exists(base.resolve("changelogs").resolve(ChangelogRunner.DEFAULT_MASTER_FILE)) ? null
                : ApplicationChangelog.of(hibernate.application(), sourceResources(base, yaml)).orElse(null);
        Path changelogs = flags.changelogs() != null ? workingDirectory.resolve(flags.changelogs()).normalize()
                : appChangelog != null ? appChangelog.directory()
                : base.resolve(string(yaml.get("changelogs"), "changelogs")).normalize();
        String url = first(flags.url(), env.get("DRIFTLESS_URL"), string(yaml.get("url"), null), applicationUrl(hibernate));
        String user = first(flags.user(), env.get("DRIFTLESS_USER"), string(yaml.get("user"), null),
                url != null && url.equals(applicationUrl(hibernate)) ? hibernate.application().user() : null);
        Runner runner = runner(flags, yaml, base, workingDirectory, hibernate.application(), appChangelog);
        // a history renamed from databasechangelog is still bookkeeping: never unmapped, never dropped
        IgnoreRules ignore = ignoreRules(shownFile, yaml.get("ignore"));
        if (runner.bookkeeping().renamed()) {
            ignore = ignore.withTables(List.of(runner.bookkeeping().changelogTable(), runner.bookkeeping().lockTable()));
        }
        return new Config(base, classes, askMaven ? List.of() : classPath(base, yaml.get("classpath")),
                hibernate.naming(), hibernate.defaultSchema(), changelogs,
                format(first(flags.format(), string(yaml.get("format"), "sql"))),
                url, user, env.get("DRIFTLESS_PASSWORD"),
                layout.root().resolve(".driftless"),
                flags.dropUnmapped() != null ? flags.dropUnmapped() : Boolean.parseBoolean(string(yaml.get("drop-unmapped"), "false")),
                first(flags.devUrl(), env.get("DRIFTLESS_DEV_URL"), string(yaml.get("dev-url"), null)),
                RenameSettings.load(base, yaml.get("renames"), yaml.get("sources"),
                        flags.renames() != null ? flags.renames() : RenameSettings.Overrides.none(), shownFile),
                runner,
                yaml.get("sources") != null ? paths(base, yaml.get("sources")) : List.of(base.resolve("src/main/java")),
                ignore, hibernate, ddl(yaml), maven);
    }

    /** The module whose {@code target/classes} is the one classes entry, for {@code classpath: maven}. */
    private static MavenModule mavenModuleOf(List<Path> classes, Path file) {
        Path module = classes.size() == 1 && classes.get(0).endsWith(Path.of("target", "classes"))
                ? classes.get(0).getParent().getParent() : null;
        return java.util.Optional.ofNullable(module).filter(m -> Files.isRegularFile(m.resolve(MavenModule.POM)))
                .flatMap(MavenModule::nearest)
                .orElseThrow(() -> new DriftlessException(ExitCode.USAGE, file + ": 'classpath: maven' needs 'classes' to be"
                        + " one Maven module's target/classes (got " + classes + ")"));
    }

    /** {@code simple-ddl: true} and the timeouts of generated DDL; the defaults are {@link DdlSettings#DEFAULT}'s. */
    private static DdlSettings ddl(Map<String, Object> yaml) {
        DdlSettings defaults = DdlSettings.DEFAULT;
        DdlSettings ddl = new DdlSettings(true,
                ddlDuration(yaml, "ddl-lock-timeout", defaults.lockTimeout()),
                ddlDuration(yaml, "ddl-statement-timeout", defaults.statementTimeout()),
                ddlDuration(yaml, "ddl-concurrent-timeout", defaults.concurrentTimeout()));
        return Boolean.parseBoolean(string(yaml.get("simple-ddl"), "false")) ? ddl.simple() : ddl;
    }

    private static Duration ddlDuration(Map<String, Object> yaml, String key, Duration fallback) {
        Object value = yaml.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return duration(String.valueOf(value));
        } catch (DriftlessException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot read " + key + " '" + value + "': use e.g. 5s, 30m or 6h");
        }
    }

    /** A command line is visible to every user of the machine (ps, /proc) and kept in shell history. */
    private static void refusePasswordIn(String flag, String url, String fix) {
        if (Secrets.inUrl(url)) {
            throw new DriftlessException(ExitCode.USAGE, flag + " carries a password, and a command line is visible to "
                    + "other users and kept in shell history: leave it out of the flag and " + fix);
        }
    }

    /** The application's JDBC URL, when it is a PostgreSQL one (a test profile's H2 is no target). */
    private static String applicationUrl(HibernateSettings hibernate) {
        String url = hibernate.application().url();
        return url != null && url.startsWith("jdbc:postgresql:") ? url : null;
    }

    private static HibernateSettings hibernateSettings(Path file, Path base, Map<String, Object> yaml, Overrides flags,
                                                       List<Path> classes) {
        if (yaml.get("hibernate") != null && !(yaml.get("hibernate") instanceof Map<?, ?>)) {
            throw new DriftlessException(ExitCode.USAGE, file + ": 'hibernate' must be a map of Hibernate settings,"
                    + " e.g. hibernate: {hibernate.type.preferred_instant_jdbc_type: TIMESTAMP}");
        }
        dev.driftless.generator.entity.Hibernate6Schema.Mode schemaMode;
        try {
            schemaMode = dev.driftless.generator.entity.Hibernate6Schema.Mode.parse(
                    yaml.get("hibernate-schema") == null ? null : String.valueOf(yaml.get("hibernate-schema")));
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, file + ": " + e.getMessage());
        }
        // the application's resources, then its compiled classes (where the build copies them)
        List<Path> resources = new ArrayList<>(sourceResources(base, yaml));
        resources.addAll(classes);
        List<String> profiles = strings(first(flags.profile(), string(yaml.get("profile"), null)))
                .stream().flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::strip).filter(p -> !p.isEmpty()).toList();
        try {
            return HibernateSettings.resolve(flags.naming(), yaml, resources, profiles).withSchemaMode(schemaMode);
        } catch (IllegalArgumentException | java.io.UncheckedIOException | YAMLException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot read the application's configuration: " + e.getMessage(), e);
        }
    }

    /** The application's resource folders as written ({@code resources:}, else {@code src/main/resources}). */
    private static List<Path> sourceResources(Path base, Map<String, Object> yaml) {
        return yaml.get("resources") != null ? paths(base, yaml.get("resources")) : List.of(base.resolve("src/main/resources"));
    }

    /** The class path as given: lists, {@code :}-joined strings, folders of jars, globs; a wrong entry is a usage error. */
    public static List<Path> classPath(Path base, Object value) {
        try {
            return dev.driftless.generator.entity.ClassPathEntries.parse(base, value, "classpath");
        } catch (dev.driftless.generator.entity.ClassPathEntries.Invalid e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage());
        }
    }

    private static IgnoreRules ignoreRules(Path file, Object value) {
        try {
            return IgnoreRules.parse(value);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, file + ": " + e.getMessage());
        }
    }

    /** Results derived from the project's files (the model's schema, the changelog's index, verified replays). */
    public DerivedCache cache() {
        return DerivedCache.of(dataDirectory);
    }

    /** The entity classes, or a usage error saying how to give them. */
    public List<Path> requireClasses() {
        if (maven != null) {
            requireCompiled(maven);
        }
        for (Path entry : classes) {
            GradleProject.nearest(entry).filter(gradle -> gradle.owns(entry) && !Files.isDirectory(entry))
                    .ifPresent(gradle -> {
                        throw new DriftlessException(ExitCode.USAGE, "no compiled classes in " + entry + ": run "
                                + gradle.compileHint() + " first");
                    });
        }
        if (classes.isEmpty()) {
            throw new DriftlessException(ExitCode.USAGE, "no entity classes given: pass --classes DIR_OR_JAR or set"
                    + " 'classes' in " + FILE_NAME + " (see 'driftless --help')");
        }
        return classes;
    }

    private static void requireCompiled(MavenModule maven) {
        if (maven.aggregator()) {
            throw new DriftlessException(ExitCode.USAGE, maven.directory() + " is an aggregator pom (packaging pom) with"
                    + " no classes of its own: run driftless in the module that holds the entities, or set 'classes' in "
                    + FILE_NAME);
        }
        if (!Files.isDirectory(maven.classes())) {
            throw new DriftlessException(ExitCode.USAGE, "no compiled classes in " + maven.classes() + ": run "
                    + maven.compileHint() + " first");
        }
    }

    /**
     * What the entity classes need besides JPA and Hibernate: {@code classpath} as configured, else, in a Maven module,
     * the runtime class path its build resolves (cached, see {@link MavenClasspath}).
     */
    public List<Path> modelClasspath(java.util.function.Consumer<String> progress) {
        return modelClasspathAndHibernate(progress).entries();
    }

    /**
     * The class path the model is read with, and the application's own Hibernate found on it (left out of it in a
     * Maven module).
     */
    public record ModelClasspath(List<Path> entries, java.util.Optional<ApplicationHibernate> application) {
        /** Whether the schema is written as Hibernate 6.6 creates it, as {@code mode} says for this application. */
        public boolean hibernate6Schema(dev.driftless.generator.entity.Hibernate6Schema.Mode mode) {
            return mode.applies(application);
        }
    }

    /** As {@link #modelClasspath}, with the application's Hibernate; says which one that is and what it means. */
    public ModelClasspath modelClasspathAndHibernate(java.util.function.Consumer<String> progress) {
        ModelClasspath found;
        if (maven == null || !classpath.isEmpty()) {
            found = new ModelClasspath(classpath, ApplicationHibernate.find(classpath));
            gradleNote().ifPresent(progress);
        } else {
            MavenClasspath.Resolved resolved = new MavenClasspath(maven, cache()).resolve();
            progress.accept("classes from " + maven.classes() + " (Maven module " + maven.directory().getFileName()
                    + "), class path: " + resolved.describe());
            found = new ModelClasspath(resolved.entries(), resolved.application());
        }
        // the entities are read with the bundled Hibernate, never the application's: said, with what that means
        boolean hibernate6 = found.hibernate6Schema(hibernate.schemaMode());
        found.application().ifPresentOrElse(application -> progress.accept(application.note(hibernate6)), () -> {
            if (hibernate6) {
                progress.accept(dev.driftless.generator.entity.Hibernate6Schema.FORCED_NOTE);
            }
        });
        return found;
    }

    /** In a Gradle project with no class path given, what driftless took and what it cannot know. */
    private java.util.Optional<String> gradleNote() {
        if (!classpath.isEmpty() || classes.isEmpty()) {
            return java.util.Optional.empty();
        }
        return GradleProject.nearest(classes.get(0)).filter(gradle -> gradle.owns(classes.get(0)))
                .map(gradle -> "classes from " + String.join(", ", classes.stream().map(Path::toString).toList())
                        + " (Gradle project " + gradle.directory().getFileName() + "); driftless does not run Gradle, so"
                        + " the entities see JPA and Hibernate only: set 'classpath' in " + FILE_NAME + " if they need"
                        + " other libraries");
    }

    private static Runner runner(Overrides flags, Map<String, Object> yaml, Path base, Path workingDirectory,
                                 ApplicationSettings app, ApplicationChangelog appChangelog) {
        String policy = first(flags.backup(), string(yaml.get("backup"), "destructive"));
        BackupPolicy backupPolicy;
        try {
            backupPolicy = BackupPolicy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage());
        }
        Path pgDump = flags.pgDump() != null ? workingDirectory.resolve(flags.pgDump()).normalize()
                : yaml.get("pg-dump") == null ? null : base.resolve(string(yaml.get("pg-dump"), null)).normalize();
        Path changelogRoot = yaml.get("changelog-root") != null
                ? base.resolve(string(yaml.get("changelog-root"), null)).toAbsolutePath().normalize()
                : appChangelog != null ? appChangelog.root() : null;
        // driftless.yaml wins; else the application's own Liquibase settings (spring.liquibase.*, quarkus.liquibase.*)
        String contexts = first(joined(yaml.get("contexts")), app.liquibase().get(ApplicationSettings.LIQUIBASE_CONTEXTS));
        String labels = first(joined(yaml.get("labels")), app.liquibase().get(ApplicationSettings.LIQUIBASE_LABELS));
        String liquibaseSchema = first(string(yaml.get("liquibase-schema"), null),
                app.liquibase().get(ApplicationSettings.LIQUIBASE_SCHEMA));
        String master = first(string(yaml.get("master"), null), appChangelog != null ? appChangelog.master() : null);
        if (master != null && (master.contains("/") || master.contains("\\"))) {
            throw new DriftlessException(ExitCode.USAGE, "master: " + master + " must be a file name in the changelog"
                    + " directory (set 'changelogs' to the folder it is in)");
        }
        return new Runner(backupPolicy, base.resolve(string(yaml.get("backups"), "backups")).normalize(), pgDump,
                duration(first(flags.lockTimeout(), string(yaml.get("lock-timeout"), null))),
                new ChangesetFilter(contexts, labels, changelogParameters(yaml, app)), changelogRoot, new Bookkeeping(liquibaseSchema,
                first(string(yaml.get("changelog-table"), null), app.liquibase().get(ApplicationSettings.LIQUIBASE_TABLE)),
                first(string(yaml.get("changelog-lock-table"), null),
                        app.liquibase().get(ApplicationSettings.LIQUIBASE_LOCK_TABLE))), master);
    }

    /**
     * The parameters the changelog is read with: the application's ({@code spring.liquibase.parameters.*}), each
     * replaced by {@code changelog-parameters:} in driftless.yaml where it names the same one.
     */
    private static Map<String, String> changelogParameters(Map<String, Object> yaml, ApplicationSettings app) {
        Map<String, String> parameters = new java.util.TreeMap<>();
        app.liquibase().forEach((key, value) -> {
            if (key.startsWith(ApplicationSettings.LIQUIBASE_PARAMETER)) {
                parameters.put(key.substring(ApplicationSettings.LIQUIBASE_PARAMETER.length()), value);
            }
        });
        Object given = yaml.get("changelog-parameters");
        if (given == null) {
            return parameters;
        }
        if (!(given instanceof Map<?, ?> map)) {
            throw new DriftlessException(ExitCode.USAGE, "changelog-parameters must be a map of names to values, e.g."
                    + " changelog-parameters: {schema: app}");
        }
        map.forEach((name, value) -> parameters.put(String.valueOf(name), value == null ? "" : String.valueOf(value)));
        return parameters;
    }

    /** "90s", "5m", "1h", a plain number of seconds, or ISO-8601 ("PT5M"). */
    static Duration duration(String text) {
        if (text == null) {
            return ApplyOptions.DEFAULT_LOCK_TIMEOUT;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            if (t.matches("\\d+(ms|s|m|h)")) {
                long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
                return t.endsWith("ms") ? Duration.ofMillis(n) : t.endsWith("s") ? Duration.ofSeconds(n)
                        : t.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
            }
            return Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot read the lock timeout '" + text + "': use e.g. 90s, 5m or 1h");
        }
    }

    private static ChangelogFormat format(String text) {
        try {
            return ChangelogFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(ExitCode.USAGE, e.getMessage());
        }
    }

    /** The first value that is given; an empty environment variable counts as not given. */
    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Map<String, Object> readYaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new DriftlessException(ExitCode.USAGE, file + " must be a mapping of keys to values");
            }
            List<String> unknown = new ArrayList<>();
            map.keySet().forEach(k -> {
                if (!KEYS.contains(String.valueOf(k))) {
                    unknown.add(String.valueOf(k));
                }
            });
            if (!unknown.isEmpty()) {
                throw new DriftlessException(ExitCode.USAGE, file + ": unknown key(s) " + unknown + "; known keys are "
                        + KEYS.stream().sorted().toList());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (IOException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new DriftlessException(ExitCode.USAGE, file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static String string(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    /** A YAML scalar, or a list joined with commas as Liquibase reads a list of contexts or labels; null when absent. */
    private static String joined(Object value) {
        return value == null ? null : String.join(",", strings(value));
    }

    /** A YAML scalar or list as strings. */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        return items.stream().map(String::valueOf).toList();
    }

    private static List<Path> paths(Path base, Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        return items.stream().map(item -> base.resolve(String.valueOf(item)).normalize()).toList();
    }
}
