package dev.driftless.maven;

import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.DriftlessException;
import dev.driftless.api.ExitCode;
import dev.driftless.api.MaskingWriter;
import dev.driftless.api.ProjectLayout;
import dev.driftless.api.RenameSettings;
import dev.driftless.api.Secrets;
import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.RunnerEvents;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the configuration, built as the command line builds it ({@link Config#load}, flags being the
 * goal's parameters), with the project's own classes and class path in place of asking Maven again; and the mapping of
 * driftless's errors to Maven's: a configuration error fails the goal's execution, a failure (drift, a changeset that
 * failed) fails the build. Every line shown is masked ({@link Secrets}).
 */
abstract class DriftlessMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Skip the goal. */
    @Parameter(property = "driftless.skip", defaultValue = "false")
    boolean skip;

    /** The configuration file (default: driftless.yaml in the project's folder, else the nearest one above it). */
    @Parameter(property = "driftless.configFile")
    File configFile;

    /**
     * The target database, jdbc:postgresql://host:port/db (default: $DRIFTLESS_URL, then 'url' in driftless.yaml,
     * then the application's own PostgreSQL URL, then the embedded database under .driftless/). The password comes
     * from $DRIFTLESS_PASSWORD, never from the POM.
     */
    @Parameter(property = "driftless.url")
    String url;

    /** The database user (default: $DRIFTLESS_USER, then 'user' in driftless.yaml). */
    @Parameter(property = "driftless.user")
    String user;

    /** The changelog directory holding db.changelog-master.yaml (default: 'changelogs' in driftless.yaml, else changelogs). */
    @Parameter(property = "driftless.changelogs")
    File changelogs;

    /**
     * The compiled entity classes: directories or jars (default: 'classes' in driftless.yaml, else the project's
     * output directory and those of the modules of this build it depends on).
     */
    @Parameter(property = "driftless.classes")
    List<File> classes;

    /** default, jpa, spring or a physical naming strategy class (default: 'naming' in driftless.yaml, else the application's). */
    @Parameter(property = "driftless.naming")
    String naming;

    /** The application profile(s) whose configuration to read, comma-separated (Spring Boot, Quarkus). */
    @Parameter(property = "driftless.profile")
    String profile;

    /** A server for throwaway dev databases, user in the URL (default: $DRIFTLESS_DEV_URL, 'dev-url', embedded). */
    @Parameter(property = "driftless.devUrl")
    String devUrl;

    /** Entity source roots, for the file and line of findings (default: the project's and its sibling modules'). */
    @Parameter(property = "driftless.sources")
    List<File> sources;

    /** Liquibase contexts to read the changelog with (default: 'contexts' in driftless.yaml, else all). */
    @Parameter(property = "driftless.contexts")
    String contexts;

    /** Liquibase label expression to read the changelog with (default: 'labels' in driftless.yaml, else all). */
    @Parameter(property = "driftless.labels")
    String labels;

    /** How long to wait for another run's migration lock, e.g. 90s, 5m (default: 'lock-timeout', else 3m). */
    @Parameter(property = "driftless.lockTimeout")
    String lockTimeout;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("driftless: skipped (driftless.skip)");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("driftless: skipped " + project.getArtifactId() + ": an aggregator (packaging pom) has no"
                    + " classes; the goal runs in the module that holds or uses the entities");
            return;
        }
        try {
            // The driver registers itself when loaded; DriverManager's own lookup may not see the plugin's class realm.
            Class.forName("org.postgresql.Driver");
            if (!getLog().isDebugEnabled()) {
                QuietLibraries.quiet();
            }
            run();
        } catch (MojoFailureException e) {
            // a report: findings, changeset names, a server's error; masked like every other line
            throw new MojoFailureException(Secrets.mask(e.getMessage()));
        } catch (DriftlessException e) {
            debugCause(e);
            String message = Secrets.mask(e.getMessage());
            if (e.exitCode() == ExitCode.USAGE) {
                throw new MojoExecutionException(message);
            }
            throw new MojoFailureException(message);
        } catch (ClassNotFoundException e) {
            throw new MojoExecutionException("the PostgreSQL driver is missing from the plugin's class path: " + e.getMessage());
        } catch (RuntimeException e) {
            debugCause(e);
            throw new MojoExecutionException(Secrets.mask(String.valueOf(e.getMessage()))
                    + " (run again with -X for the full cause)");
        }
    }

    /** The goal's work. */
    abstract void run() throws MojoFailureException;

    /** Whether the goal reads the entity classes (diff, validate, check): then they must be compiled. */
    boolean needsEntities() {
        return false;
    }

    /** The changelog format for goals that write one, else {@code null}. */
    String format() {
        return null;
    }

    /** {@code drop-unmapped} for diff, else {@code null}. */
    Boolean dropUnmapped() {
        return null;
    }

    /** Rename hints for diff, else {@code null}. */
    RenameSettings.Overrides renames() {
        return null;
    }

    /** The backup policy for apply, else {@code null}. */
    String backup() {
        return null;
    }

    /** The facade over this project's configuration, reporting progress to the build log. */
    Driftless driftless(Config config) {
        return new Driftless(config, Clock.systemUTC(), line -> getLog().info(Secrets.mask(line)));
    }

    /** The configuration as the command line builds it, the goal's parameters as its flags. */
    Config config() {
        Path basedir = project.getBasedir().toPath().toAbsolutePath();
        Path file = configFile != null ? configFile.toPath()
                : Files.isRegularFile(basedir.resolve(Config.FILE_NAME)) ? basedir.resolve(Config.FILE_NAME) : null;
        ProjectLayout found = ProjectLayout.discover(basedir, file);
        ProjectLayout layout = file == null ? withinBuild(found) : found;
        Config.Overrides flags = new Config.Overrides(file, paths(classes), url, user,
                changelogs == null ? null : changelogs.toPath(), format(), naming, dropUnmapped(), devUrl, renames(),
                backup(), null, lockTimeout, profile);
        Config config = Config.load(layout, basedir, flags, Map.copyOf(System.getenv())).withFilter(contexts, labels);
        BuildClasses build = BuildClasses.of(project, session);
        // Neither the POM nor driftless.yaml named the classes (then Config.load took the Maven module's target/classes
        // and would ask Maven for the class path): the build's own classes and class path, resolved already.
        boolean zeroSetUp = config.maven() != null && config.classes().equals(List.of(config.maven().classes()));
        config = zeroSetUp ? config.withBuildClasses(build.classes(), build.classpath())
                : config.withBuildClasses(config.classes(), build.everything());
        if (needsEntities() && config.classes().isEmpty()) {
            throw new DriftlessException(ExitCode.USAGE, "no compiled entity classes in " + project.getBuild().getOutputDirectory()
                    + " nor in the modules it depends on: compile first (mvn compile driftless:" + goal()
                    + "), or set <classes> in the plugin's configuration");
        }
        if (sources != null && !sources.isEmpty()) {
            return config.withSources(paths(sources));
        }
        boolean defaultSources = config.sources().equals(List.of(config.projectDirectory().resolve("src/main/java")));
        return defaultSources ? config.withSources(build.sources()) : config;
    }

    /**
     * A driftless.yaml found above the build's root belongs to another project (a checkout the build sits in): the
     * build's own folders decide, as when there is none.
     */
    private static ProjectLayout withinBuild(ProjectLayout layout) {
        if (layout.configFile() == null || layout.module() == null
                || layout.configFile().startsWith(layout.module().buildRoot())) {
            return layout;
        }
        return new ProjectLayout(null, layout.module().directory(), layout.module().buildRoot(), layout.module(), null);
    }

    /** One line per changeset as it finishes, as the command line prints without a terminal. */
    RunnerEvents events(String doing) {
        return new RunnerEvents() {
            @Override
            public void finished(int number, int total, ExecutedChangeset changeset) {
                info(doing + " [" + number + "/" + total + "] " + changeset.changeset().file() + " :: "
                        + changeset.changeset().id() + " (" + changeset.executionTime().toMillis() + " ms)");
            }

            @Override
            public void note(String message) {
                info(message);
            }
        };
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /** Logs each line of {@code text}, masked. */
    void info(String text) {
        text.lines().forEach(line -> getLog().info(Secrets.mask(line)));
    }

    void warn(String text) {
        text.lines().forEach(line -> getLog().warn(Secrets.mask(line)));
    }

    /** What {@code printer} writes, as text, for a report the command line prints to a stream. */
    static String printed(java.util.function.Consumer<PrintWriter> printer) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(new MaskingWriter(text));
        printer.accept(out);
        out.flush();
        return text.toString();
    }

    private void debugCause(Exception e) {
        if (getLog().isDebugEnabled()) {
            getLog().debug(printed(e::printStackTrace));
        }
    }

    private static List<Path> paths(List<File> files) {
        return files == null || files.isEmpty() ? null : files.stream().map(f -> f.toPath().toAbsolutePath()).toList();
    }
}
