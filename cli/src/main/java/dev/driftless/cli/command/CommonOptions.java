package dev.driftless.cli.command;

import dev.driftless.api.Config;
import dev.driftless.api.RenameSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: where the model, the changelogs and the database are. */
public final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ./driftless.yaml).")
    Path configFile;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "Target database, jdbc:postgresql://host:port/db (default: $DRIFTLESS_URL, then 'url' in "
                    + "driftless.yaml, then the embedded database under .driftless/). The password comes from "
                    + "$DRIFTLESS_PASSWORD, never from a flag.")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user (default: $DRIFTLESS_USER).")
    String user;

    @Option(names = "--classes", paramLabel = "DIR_OR_JAR", split = ",",
            description = "Compiled entity classes: directories or jars (default: 'classes' in driftless.yaml).")
    List<Path> classes;

    @Option(names = "--changelogs", paramLabel = "DIR",
            description = "Changelog directory holding the master changelog (db.changelog-master.yaml unless master: in driftless.yaml says otherwise; default: 'changelogs' in driftless.yaml, else ./changelogs).")
    Path changelogs;

    @Option(names = "--naming", paramLabel = "STRATEGY",
            description = "Naming strategy: default (Hibernate's), jpa (Hibernate's JPA-compliant implicit naming), spring"
                    + " (Spring Boot's CamelCaseToUnderscores + SpringImplicitNamingStrategy), or a physical strategy class"
                    + " name (default: 'naming' in driftless.yaml, else the application's own configuration).")
    String naming;

    @Option(names = "--classpath", paramLabel = "ENTRIES", split = ",",
            description = "What the entity classes need besides JPA and Hibernate: jars, directories, folders of jars,"
                    + " globs, or a ':'-joined class path (added to 'classpath' in driftless.yaml).")
    List<String> classpath;

    @Option(names = "--profile", paramLabel = "NAME", split = ",",
            description = "The application's profile whose configuration to read (Spring Boot, Quarkus); default: "
                    + "'profile' in driftless.yaml, else the application's own active profile.")
    List<String> profile;

    @Option(names = "--dev-url", paramLabel = "JDBC_URL",
            description = "Server for throwaway dev databases, user in the URL (default: $DRIFTLESS_DEV_URL, then "
                    + "'dev-url' in driftless.yaml, then the embedded PostgreSQL). Use the target's PostgreSQL version.")
    String devUrl;

    @Option(names = "--sources", paramLabel = "DIR", split = ",",
            description = "Entity source roots, for the file and line of findings (default: 'sources' in driftless.yaml,"
                    + " else src/main/java next to it).")
    List<Path> sources;

    @Option(names = {"-v", "--verbose"}, description = "Show the cause of errors in full.")
    public boolean verbose;

    public Config load(String format, Boolean dropUnmapped) {
        return load(format, dropUnmapped, null);
    }

    public Config load(String format, Boolean dropUnmapped, RenameSettings.Overrides renames) {
        return load(format, dropUnmapped, renames, null, null, null);
    }

    /** With the runner's own flags; {@code null} means "not given". */
    public Config load(String format, Boolean dropUnmapped, String backup, Path pgDump, String lockTimeout) {
        return load(format, dropUnmapped, null, backup, pgDump, lockTimeout);
    }

    private Config load(String format, Boolean dropUnmapped, RenameSettings.Overrides renames, String backup,
                        Path pgDump, String lockTimeout) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Config config = Config.load(workingDirectory,
                new Config.Overrides(configFile, classes, url, user, changelogs, format, naming, dropUnmapped, devUrl,
                        renames, backup, pgDump, lockTimeout, profile == null ? null : String.join(",", profile)),
                Map.copyOf(System.getenv()));
        if (classpath != null && !classpath.isEmpty()) {
            config = config.withClasspath(Config.classPath(workingDirectory, classpath));
        }
        return sources == null || sources.isEmpty() ? config
                : config.withSources(sources.stream().map(p -> workingDirectory.resolve(p).normalize()).toList());
    }
}
