package dev.driftless.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of tool runs the benchmark measures, and the pairs it divides. Adding a tool run is one entry in
 * {@link #ALL}; adding a ratio is one entry in {@link #PAIRS}.
 */
final class Tools {

    private Tools() {
    }

    /** Everything a tool run needs to know about the model of one size and its databases. */
    record Scenario(int entities, ModelGenerator.Model model, Layout layout, Server server,
                    String emptyDatabase, String upToDateDatabase,
                    Path upToDateProject, Path emptyProject, Path work, Map<String, String> driftlessEnvironment) {

        Path changelogs() {
            return upToDateProject.resolve("changelogs");
        }

        /** For log lines: {@code N=100/2s}. */
        String tag() {
            return "N=" + entities + "/" + model.schemas() + "s";
        }
    }

    /** One timed run: its command and, around it, untimed preparation and clean-up. */
    record Invocation(List<String> command, Path workingDirectory, Map<String, String> environment,
                      Function<ChildProcess.Result, Integer> changesets, Runnable cleanup) {
    }

    /** What the harness found out about the tools before the first run. */
    record Capabilities(Set<String> driftlessCommands) {
    }

    /**
     * @param id          short, stable, used in file names and pairs
     * @param label       as printed in the report
     * @param unavailable why this run cannot happen with these capabilities, or {@code null} when it can
     * @param warmEachRun run the same invocation once, untimed, right before every timed run (a warm cache)
     */
    record Tool(String id, String label, Function<Capabilities, String> unavailable, boolean warmEachRun,
                RunFactory invocation) {
    }

    @FunctionalInterface
    interface RunFactory {
        /** @param run a number unique within the benchmark, for database and file names */
        Invocation create(Scenario scenario, int run);
    }

    enum Metric { TIME, MEMORY }

    /** A ratio the issue sets a target for: driftless's figure over the anchor's, in one run. */
    record Pair(String what, String driftless, String anchor, Metric metric, String goal) {
    }

    /**
     * Where driftless keeps what it derives from the project's files (the model's schema, the changelog's index,
     * check's verified replays), relative to the project directory; a cold run deletes it first.
     */
    static final String CACHE = ".driftless/cache";

    static final List<Tool> ALL = List.of(
            new Tool("dl-version", "driftless --version (JVM start floor)", always(), false,
                    (s, run) -> driftless(s, s.upToDateProject(), List.of("--version"), r -> null, () -> { })),
            new Tool("dl-diff-empty", "driftless diff · empty database", always(), false,
                    (s, run) -> driftless(s, s.emptyProject(), withTarget(s, "diff", s.emptyDatabase()),
                            Tools::diffChangesets, () -> clear(s.emptyProject().resolve("changelogs")))),
            new Tool("dl-diff-uptodate", "driftless diff · up-to-date database, cache warm", always(), true,
                    (s, run) -> driftless(s, s.upToDateProject(), withTarget(s, "diff", s.upToDateDatabase()),
                            Tools::diffChangesets, () -> { })),
            new Tool("dl-diff-uptodate-cold", "driftless diff · up-to-date database, cache cold", always(), false,
                    (s, run) -> {
                        remove(s.upToDateProject().resolve(CACHE));
                        return driftless(s, s.upToDateProject(), withTarget(s, "diff", s.upToDateDatabase()),
                                Tools::diffChangesets, () -> { });
                    }),
            new Tool("dl-diff-uptodate-devurl", "driftless diff · up-to-date, --dev-url (no embedded start)", always(),
                    false, (s, run) -> {
                        List<String> args = withTarget(s, "diff", s.upToDateDatabase());
                        args.addAll(List.of("--dev-url", s.server().urlWithUser("postgres")));
                        return driftless(s, s.upToDateProject(), args, Tools::diffChangesets, () -> { });
                    }),
            new Tool("dl-validate", "driftless validate · up-to-date database, cache warm", command("validate"), true,
                    (s, run) -> driftless(s, s.upToDateProject(), withTarget(s, "validate", s.upToDateDatabase()),
                            r -> null, () -> { })),
            new Tool("dl-validate-cold", "driftless validate · up-to-date database, cache cold", command("validate"), false,
                    (s, run) -> {
                        remove(s.upToDateProject().resolve(CACHE));
                        return driftless(s, s.upToDateProject(), withTarget(s, "validate", s.upToDateDatabase()),
                                r -> null, () -> { });
                    }),
            new Tool("dl-check-cold", "driftless check · cold cache", command("check"), false,
                    (s, run) -> {
                        remove(s.upToDateProject().resolve(CACHE));
                        return driftless(s, s.upToDateProject(), withTarget(s, "check", s.upToDateDatabase()),
                                r -> null, () -> { });
                    }),
            new Tool("dl-check-warm", "driftless check · warm cache", command("check"), true,
                    (s, run) -> driftless(s, s.upToDateProject(), withTarget(s, "check", s.upToDateDatabase()),
                            r -> null, () -> { })),
            new Tool("dl-lint", "driftless lint --all · the whole changelog, offline", command("lint"), false,
                    (s, run) -> {
                        List<String> args = withTarget(s, "lint", s.upToDateDatabase());
                        args.add("--all");
                        return driftless(s, s.upToDateProject(), args, r -> null, () -> { });
                    }),
            new Tool("dl-apply", "driftless apply · empty database", always(), false, (s, run) -> {
                String database = "bench_apply_" + run;
                s.server().create(database);
                List<String> args = withTarget(s, "apply", database);
                return driftless(s, s.upToDateProject(), args, Tools::applyChangesets, () -> s.server().drop(database));
            }),
            new Tool("lh-diff-empty", "liquibase-hibernate diffChangeLog · empty database", always(), false,
                    (s, run) -> liquibaseHibernateDiff(s, run, s.emptyDatabase())),
            new Tool("lh-diff-uptodate", "liquibase-hibernate diffChangeLog · up-to-date database", always(), false,
                    (s, run) -> liquibaseHibernateDiff(s, run, s.upToDateDatabase())),
            new Tool("hb-validate", "Hibernate 7 validate (hbm2ddl.auto=validate)", always(), false,
                    (s, run) -> hibernate(s, "validate")),
            new Tool("hb-boot", "Hibernate 7 boot only (SessionFactory, no schema tool)", always(), false,
                    (s, run) -> hibernate(s, "boot")),
            new Tool("lb-update", "Liquibase update · empty database (driftless's changelog)", always(), false,
                    (s, run) -> liquibaseUpdate(s, run)));

    static final List<Pair> PAIRS = List.of(
            new Pair("diff vs up-to-date database", "dl-diff-uptodate", "lh-diff-uptodate", Metric.TIME,
                    "≤ 1/3 at N=500, ≤ 1/5 at N=2000; 0 changesets"),
            new Pair("diff vs up-to-date database, cache cold", "dl-diff-uptodate-cold", "lh-diff-uptodate", Metric.TIME,
                    "(the same target, first run)"),
            new Pair("diff vs empty database", "dl-diff-empty", "lh-diff-empty", Metric.TIME, "(no target)"),
            new Pair("validate", "dl-validate", "hb-validate", Metric.TIME, "≤ 1.5 at N=500 and 2000"),
            new Pair("validate, cache cold", "dl-validate-cold", "hb-validate", Metric.TIME, "(the same target, first run)"),
            new Pair("check, cache warm", "dl-check-warm", "hb-validate", Metric.TIME, "≤ 1.0 at N=500"),
            new Pair("apply", "dl-apply", "lb-update", Metric.TIME, "≤ 1.1"),
            new Pair("lint, beside check", "dl-lint", "dl-check-cold", Metric.TIME, "(lint is offline: a fraction of check)"),
            new Pair("peak memory, diff vs up-to-date", "dl-diff-uptodate", "lh-diff-uptodate", Metric.MEMORY,
                    "≤ 1.0 at N=2000"));

    static Tool byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + id));
    }

    // ---------------------------------------------------------------- availability

    private static Function<Capabilities, String> always() {
        return c -> null;
    }

    private static Function<Capabilities, String> command(String name) {
        return c -> c.driftlessCommands().contains(name) ? null
                : "this driftless has no '" + name + "' command yet (not in 'driftless --help'); it is measured once it has";
    }

    // ---------------------------------------------------------------- driftless

    private static List<String> withTarget(Scenario s, String command, String database) {
        List<String> args = new ArrayList<>(List.of(command, "--classes", s.model().classes().toString(),
                "--changelogs", "changelogs", "--url", s.server().url(database), "--user", s.server().user()));
        return args;
    }

    /** {@code ./driftless ARGS} in the project directory, exactly as a user runs it. */
    private static Invocation driftless(Scenario s, Path project, List<String> args,
                                        Function<ChildProcess.Result, Integer> changesets, Runnable cleanup) {
        List<String> command = new ArrayList<>(List.of(s.layout().launcher().toString()));
        command.addAll(args);
        return new Invocation(command, project, s.driftlessEnvironment(), changesets, cleanup);
    }

    private static final Pattern WROTE = Pattern.compile("with (\\d+) changeset\\(s\\)");
    private static final Pattern APPLIED = Pattern.compile("Applied (\\d+) changeset\\(s\\)");

    static Integer diffChangesets(ChildProcess.Result result) {
        if (result.stdout().contains("No changes")) {
            return 0;
        }
        Matcher m = WROTE.matcher(result.stdout());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static Integer applyChangesets(ChildProcess.Result result) {
        if (result.stdout().contains("Nothing to apply")) {
            return 0;
        }
        Matcher m = APPLIED.matcher(result.stdout());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    // ---------------------------------------------------------------- the anchors

    private static final String LIQUIBASE_MAIN = "liquibase.integration.commandline.LiquibaseCommandLine";

    /**
     * liquibase-hibernate's diffChangeLog, the model (hibernate:classic: with the generated hibernate.cfg.xml on
     * the class path) as reference and the database as target, in its own JVM with Hibernate 6.
     */
    private static Invocation liquibaseHibernateDiff(Scenario s, int run, String database) {
        Path out = s.work().resolve("lh-diff-" + run + ".xml");
        deleteQuietly(out);
        List<String> classpath = new ArrayList<>(List.of(s.model().classes().toString()));
        s.layout().liquibaseHibernateClasspath().forEach(p -> classpath.add(p.toString()));
        List<String> command = new ArrayList<>(List.of(s.layout().java().toString(),
                "-Dliquibase.analytics.enabled=false",
                "-cp", String.join(java.io.File.pathSeparator, classpath), LIQUIBASE_MAIN,
                "--show-banner=false",
                "--url=" + s.server().url(database), "--username=" + s.server().user(),
                "--reference-url=hibernate:classic:" + ModelGenerator.HIBERNATE_CONFIG
                        + "?dialect=org.hibernate.dialect.PostgreSQLDialect",
                "--changelog-file=" + out,
                "diff-changelog"));
        return new Invocation(command, s.work(), liquibaseEnvironment(s),
                result -> countChangeSets(out, result), () -> keepLast(out, s.work().resolve("last-lh-diff-" + database + ".xml")));
    }

    /** Plain Liquibase {@code update} of the changelog driftless generated, into a fresh empty database. */
    private static Invocation liquibaseUpdate(Scenario s, int run) {
        String database = "bench_update_" + run;
        s.server().create(database);
        List<String> command = new ArrayList<>(List.of(s.layout().java().toString(),
                "-Dliquibase.analytics.enabled=false",
                "-cp", Layout.join(s.layout().liquibaseClasspath()), LIQUIBASE_MAIN,
                "--show-banner=false",
                "--url=" + s.server().url(database), "--username=" + s.server().user(),
                "--search-path=" + s.changelogs(),
                "--changelog-file=db.changelog-master.yaml",
                "update"));
        return new Invocation(command, s.work(), liquibaseEnvironment(s),
                result -> {
                    long rows = s.server().count(database, "SELECT count(*) FROM public.databasechangelog");
                    return rows < 0 ? null : (int) rows;
                },
                () -> s.server().drop(database));
    }

    private static Map<String, String> liquibaseEnvironment(Scenario s) {
        Map<String, String> env = new HashMap<>();
        if (!s.server().password().isEmpty()) {
            env.put("LIQUIBASE_COMMAND_PASSWORD", s.server().password());
        }
        return env;
    }

    /** Hibernate 7's own schema validation (or its boot alone), the way an application starts. */
    private static Invocation hibernate(Scenario s, String mode) {
        List<String> command = new ArrayList<>(List.of(s.layout().java().toString(),
                "-cp", s.layout().hibernateClasspath(s.model().classes()), HibernateValidate.class.getName(), mode,
                s.server().url(s.upToDateDatabase()), s.server().user(),
                s.model().classes().resolve(ModelGenerator.CLASS_LIST).toString()));
        Map<String, String> env = new HashMap<>();
        if (!s.server().password().isEmpty()) {
            env.put(HibernateValidate.PASSWORD_VARIABLE, s.server().password());
        }
        return new Invocation(command, s.work(), env, r -> null, () -> { });
    }

    private static Integer countChangeSets(Path changelog, ChildProcess.Result result) {
        if (result.exitCode() != 0) {
            return null;
        }
        if (!Files.exists(changelog)) {
            return 0; // Liquibase writes no file when it finds no differences
        }
        try {
            String xml = Files.readString(changelog);
            int count = 0;
            for (int at = xml.indexOf("<changeSet "); at >= 0; at = xml.indexOf("<changeSet ", at + 1)) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- files

    static void clear(Path directory) {
        try {
            if (Files.exists(directory)) {
                ModelGenerator.deleteTree(directory);
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(Path directory) {
        try {
            ModelGenerator.deleteTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the latest output of a kind for inspection (the work directory), replacing the one before. */
    private static void keepLast(Path file, Path last) {
        try {
            if (Files.exists(file)) {
                Files.move(file, last, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort
        }
    }
}
