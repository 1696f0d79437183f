package dev.driftless.bench;

import dev.driftless.bench.Tools.Capabilities;
import dev.driftless.bench.Tools.Invocation;
import dev.driftless.bench.Tools.Scenario;
import dev.driftless.bench.Tools.Tool;
import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.devdb.EmbeddedServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark of issue 6: generates models of N entities, then runs every tool of {@link Tools#ALL} against the
 * same databases, each as a child process, alternating the tools from one repetition to the next, and reports
 * median wall time, peak memory and changesets emitted per tool and N, and the ratios driftless / anchor.
 *
 * <p>Run in full with {@code bench/run} (see docs/performance.md); {@code BenchSmokeTest} runs it at N=100 once.
 */
public final class Benchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * @param sizes       the model sizes N
     * @param schemas     the model variants: 2 spans schemas alpha and beta, 1 has all in public (the only one
     *                    liquibase-hibernate can compare, see {@link ModelGenerator}); each variant is a run of its own
     * @param repetitions timed runs of every tool per N (the median is reported)
     * @param warmups     untimed runs of every tool per N before the timed ones (page cache, warm data directories)
     * @param output      the Markdown report to write (its generated part), or {@code null}
     * @param label       what kind of run this is, printed at the top of the report
     * @param work        scratch directory: models, projects, changelogs, the harness's own server
     * @param breakdown   also time the steps of driftless diff one by one (see {@link DiffBreakdown})
     * @param jfr         record a JFR file of every timed driftless run under {@code work/jfr}
     * @param only        tool ids to run (all when empty)
     */
    public record Options(List<Integer> sizes, List<Integer> schemas, int repetitions, int warmups, Path output, String label, Path work,
                          boolean breakdown, boolean jfr, Set<String> only) {
        public Options {
            sizes = List.copyOf(sizes);
            schemas = List.copyOf(schemas);
            only = Set.copyOf(only);
        }
    }

    /** Every timed run of one tool at one N; {@code skipped} says why there are none. */
    public record Measurement(String toolId, String label, int entities, int schemas, List<ChildProcess.Result> runs,
                              List<Integer> changesets, String skipped) {

        public boolean allSucceeded() {
            return runs.stream().allMatch(r -> r.exitCode() == 0);
        }

        public double medianSeconds() {
            return median(runs.stream().mapToDouble(ChildProcess.Result::wallSeconds).toArray());
        }

        /** The largest peak resident set of the runs, in MiB; negative when unknown. */
        public double peakMegabytes() {
            return runs.stream().mapToLong(ChildProcess.Result::peakKilobytes).max().orElse(-1) / 1024.0;
        }

        /** The changesets the runs emitted, when all agree; {@code null} when not applicable or when they differ. */
        public Integer changesetsEmitted() {
            List<Integer> distinct = changesets.stream().distinct().toList();
            return distinct.size() == 1 ? distinct.get(0) : null;
        }
    }

    /** Catalog introspection in the harness's own JVM against the up-to-date database. */
    public record IntrospectionTiming(int entities, int schemas, int tables, int queries, double firstMillis, double medianMillis) {
    }

    public record Breakdown(int entities, int schemas, List<String[]> steps, double processSeconds, String failure) {
    }

    public record Results(Options options, Map<String, String> machine, Capabilities capabilities,
                          List<Measurement> measurements, List<IntrospectionTiming> introspection,
                          List<Breakdown> breakdowns) {

        public Measurement measurement(String toolId, int entities, int schemas) {
            return measurements.stream()
                    .filter(m -> m.toolId().equals(toolId) && m.entities() == entities && m.schemas() == schemas)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "no measurement " + toolId + " at N=" + entities + " in " + schemas + " schema(s)"));
        }
    }

    private final Options options;
    private final Layout layout;
    private final Server server;
    private final PrintStream log;
    private final Map<String, String> driftlessEnvironment = new HashMap<>();

    private Benchmark(Options options, Layout layout, Server server, PrintStream log) {
        this.options = options;
        this.layout = layout;
        this.server = server;
        this.log = log;
        // The children find the same JDK as the harness, and no developer settings.
        driftlessEnvironment.put("PATH", layout.java().getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        if (!server.password().isEmpty()) {
            driftlessEnvironment.put("DRIFTLESS_PASSWORD", server.password());
        }
    }

    /** Runs the whole benchmark on {@code server}; writes the report when {@code options.output()} is set. */
    public static Results run(Options options, Layout layout, Server server, String serverDescription, PrintStream log) {
        return new Benchmark(options, layout, server, log).run(serverDescription);
    }

    private Results run(String serverDescription) {
        Map<String, String> machine = Machine.describe(server, serverDescription);
        Capabilities capabilities = capabilities();
        log.println("driftless commands: " + capabilities.driftlessCommands());
        List<Tool> tools = Tools.ALL.stream()
                .filter(t -> options.only().isEmpty() || options.only().contains(t.id())).toList();
        List<Measurement> measurements = new ArrayList<>();
        List<IntrospectionTiming> introspection = new ArrayList<>();
        List<Breakdown> breakdowns = new ArrayList<>();
        for (int schemas : options.schemas()) {
          for (int n : options.sizes()) {
            Scenario scenario = setUp(n, schemas);
            try {
                measurements.addAll(measure(scenario, tools, capabilities));
                introspection.add(introspect(scenario));
                if (options.breakdown()) {
                    breakdowns.add(breakdown(scenario));
                }
            } finally {
                server.drop(scenario.emptyDatabase());
                server.drop(scenario.upToDateDatabase());
            }
          }
        }
        machine.put("load average at the end", Machine.loadAverage());
        Results results = new Results(options, machine, capabilities, measurements, introspection, breakdowns);
        String markdown = Report.markdown(results);
        log.println();
        log.println(markdown);
        if (options.output() != null) {
            Report.write(options.output(), markdown);
            log.println("wrote " + options.output());
        }
        return results;
    }

    /** The commands {@code driftless --help} lists. */
    private Capabilities capabilities() {
        ChildProcess.Result help = ChildProcess.run(List.of(layout.launcher().toString(), "--help"), layout.root(),
                driftlessEnvironment, TIMEOUT, options.work().resolve("tmp"));
        if (help.exitCode() != 0) {
            throw new IllegalStateException("./driftless --help failed:\n" + help.tail());
        }
        // picocli lists subcommands as "  name  description", continuation lines indented deeper.
        Set<String> commands = new LinkedHashSet<>();
        boolean inCommands = false;
        for (String line : help.stdout().lines().toList()) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                inCommands = false;
            } else if (inCommands && line.matches("  [a-z][a-z-]*(,|\\s|$).*")) {
                commands.add(line.strip().split("[,\\s]+")[0]);
            }
        }
        return new Capabilities(Set.copyOf(commands));
    }

    // ---------------------------------------------------------------- set-up

    private Scenario setUp(int n, int schemas) {
        Path directory = options.work().resolve("n" + n + "-s" + schemas);
        long start = System.nanoTime();
        ModelGenerator.Model model = ModelGenerator.generate(n, schemas, directory.resolve("model"));
        log.printf(Locale.ROOT, "N=%d, %d schema(s): model ready in %.1f s (%s)%n", n, schemas, seconds(start), model.classes());

        String empty = "bench_" + n + "_s" + schemas + "_empty";
        String upToDate = "bench_" + n + "_s" + schemas + "_uptodate";
        server.create(empty);
        server.create(upToDate);
        Path upToDateProject = directory.resolve("project-uptodate");
        Path emptyProject = directory.resolve("project-empty");
        Tools.clear(upToDateProject.resolve("changelogs"));
        Tools.clear(emptyProject.resolve("changelogs"));
        Path work = directory.resolve("work");
        Tools.clear(work);
        Scenario scenario = new Scenario(n, model, layout, server, empty, upToDate, upToDateProject, emptyProject,
                work, Map.copyOf(driftlessEnvironment));

        // The up-to-date database: driftless's own changelog for the model, applied. Also warms the dev database.
        start = System.nanoTime();
        ChildProcess.Result diff = untimed(scenario, List.of("diff", "--name", "initial-schema", "--classes",
                model.classes().toString(), "--changelogs", "changelogs", "--url", server.url(upToDate),
                "--user", server.user()));
        ChildProcess.Result apply = untimed(scenario, List.of("apply", "--classes", model.classes().toString(),
                "--changelogs", "changelogs", "--url", server.url(upToDate), "--user", server.user()));
        log.printf(Locale.ROOT, "N=%d/%ds: up-to-date database ready in %.1f s (%s changesets generated, %s applied)%n",
                n, schemas, seconds(start), Tools.diffChangesets(diff), Tools.applyChangesets(apply));
        return scenario;
    }

    private ChildProcess.Result untimed(Scenario scenario, List<String> args) {
        List<String> command = new ArrayList<>(List.of(layout.launcher().toString()));
        command.addAll(args);
        ChildProcess.Result result = ChildProcess.run(command, scenario.upToDateProject(), driftlessEnvironment,
                TIMEOUT, scenario.work());
        if (result.exitCode() != 0) {
            throw new IllegalStateException("set-up failed: driftless " + String.join(" ", args) + "\n" + result.tail());
        }
        return result;
    }

    // ---------------------------------------------------------------- measuring

    private List<Measurement> measure(Scenario scenario, List<Tool> tools, Capabilities capabilities) {
        Map<String, String> skipped = new HashMap<>();
        List<Tool> runnable = new ArrayList<>();
        for (Tool tool : tools) {
            String reason = tool.unavailable().apply(capabilities);
            if (reason != null) {
                skipped.put(tool.id(), reason);
                log.println(scenario.tag() + ": skipping " + tool.label() + ": " + reason);
            } else {
                runnable.add(tool);
            }
        }
        for (int w = 0; w < options.warmups(); w++) {
            for (Tool tool : runnable) {
                once(scenario, tool, false);
            }
            log.printf("%s: warm-up %d/%d done%n", scenario.tag(), w + 1, options.warmups());
        }
        Map<String, List<ChildProcess.Result>> runs = new HashMap<>();
        Map<String, List<Integer>> changesets = new HashMap<>();
        for (int r = 0; r < options.repetitions(); r++) {
            // Alternate: each repetition starts one tool later, so no tool always follows the same one.
            List<Tool> order = new ArrayList<>(runnable);
            if (!order.isEmpty()) {
                java.util.Collections.rotate(order, -(r % order.size()));
            }
            for (Tool tool : order) {
                if (tool.warmEachRun()) {
                    once(scenario, tool, false);
                }
                Timed timed = once(scenario, tool, options.jfr());
                runs.computeIfAbsent(tool.id(), k -> new ArrayList<>()).add(timed.result());
                changesets.computeIfAbsent(tool.id(), k -> new ArrayList<>()).add(timed.changesets());
                ChildProcess.Result result = timed.result();
                log.printf(Locale.ROOT, "%s rep %d/%d  %-62s %7.2f s %8s  %s%s%n", scenario.tag(), r + 1,
                        options.repetitions(), tool.label(), result.wallSeconds(),
                        result.peakKilobytes() < 0 ? "?" : (result.peakKilobytes() / 1024) + " MiB",
                        timed.changesets() == null ? "" : timed.changesets() + " changesets",
                        result.exitCode() == 0 ? "" : "  EXIT " + result.exitCode() + "\n" + indent(result.tail()));
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Tool tool : tools) {
            measurements.add(new Measurement(tool.id(), tool.label(), scenario.entities(), scenario.model().schemas(),
                    List.copyOf(runs.getOrDefault(tool.id(), List.of())),
                    new ArrayList<>(changesets.getOrDefault(tool.id(), List.of())),
                    skipped.get(tool.id())));
        }
        return measurements;
    }

    private record Timed(ChildProcess.Result result, Integer changesets) {
    }

    private Timed once(Scenario scenario, Tool tool, boolean recordJfr) {
        int run = RUNS.incrementAndGet();
        Invocation invocation = tool.invocation().create(scenario, run);
        Map<String, String> environment = new HashMap<>(invocation.environment());
        if (recordJfr && tool.id().startsWith("dl-")) {
            Path jfr = options.work().resolve("jfr").resolve(tool.id() + "-n" + scenario.entities() + "-s" + scenario.model().schemas() + "-" + run + ".jfr");
            try {
                Files.createDirectories(jfr.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            environment.put("DRIFTLESS_JAVA_OPTS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        ChangelogSnapshot snapshot = ChangelogSnapshot.of(scenario.changelogs());
        try {
            ChildProcess.Result result = ChildProcess.run(invocation.command(), invocation.workingDirectory(),
                    environment, TIMEOUT, scenario.work().resolve("tmp"));
            return new Timed(result, invocation.changesets().apply(result));
        } finally {
            invocation.cleanup().run();
            // A diff that found false differences must not leave pending changesets that block the next runs.
            snapshot.restore();
        }
    }

    /** In this JVM: {@link CatalogIntrospector#introspect} against the up-to-date database, a first and 5 more calls. */
    private IntrospectionTiming introspect(Scenario scenario) {
        try (Connection connection = server.connect(scenario.upToDateDatabase())) {
            CatalogIntrospector introspector = new CatalogIntrospector();
            long start = System.nanoTime();
            CatalogIntrospector.Introspection first = introspector.introspect(connection);
            double firstMillis = (System.nanoTime() - start) / 1e6;
            double[] more = new double[5];
            for (int i = 0; i < more.length; i++) {
                start = System.nanoTime();
                CatalogIntrospector.Introspection again = introspector.introspect(connection);
                more[i] = (System.nanoTime() - start) / 1e6;
                if (again.queryCount() != first.queryCount()) {
                    throw new IllegalStateException("introspection query count changed between calls");
                }
            }
            IntrospectionTiming timing = new IntrospectionTiming(scenario.entities(), scenario.model().schemas(),
                    first.schema().tables().size(),
                    first.queryCount(), firstMillis, median(more));
            log.printf(Locale.ROOT, "%s: introspection in-process: %d tables, %d queries, first %.0f ms, then median %.0f ms%n",
                    scenario.tag(), timing.tables(), timing.queries(), timing.firstMillis(), timing.medianMillis());
            return timing;
        } catch (SQLException e) {
            throw new IllegalStateException("introspection failed: " + e.getMessage(), e);
        }
    }

    /** {@link DiffBreakdown} in a child JVM with the launcher's flags and the CLI's class path. */
    private Breakdown breakdown(Scenario scenario) {
        List<String> command = List.of(layout.java().toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", Layout.join(List.of(layout.benchClasses(), layout.cliJar())), DiffBreakdown.class.getName(),
                scenario.model().classes().toString(), server.url(scenario.upToDateDatabase()), server.user(),
                scenario.changelogs().toString(),
                scenario.upToDateProject().resolve(".driftless/devdb").toString());
        Map<String, String> environment = new HashMap<>(driftlessEnvironment);
        ChildProcess.Result result = ChildProcess.run(command, scenario.upToDateProject(), environment, TIMEOUT,
                scenario.work().resolve("tmp"));
        List<String[]> steps = result.stdout().lines().map(l -> l.split("\t", -1)).filter(p -> p.length == 3).toList();
        String failure = result.exitCode() == 0 ? null : result.tail();
        log.printf(Locale.ROOT, "%s: driftless diff step by step (%.2f s in all):%n", scenario.tag(), result.wallSeconds());
        steps.forEach(s -> log.printf(Locale.ROOT, "    %-58s %6s ms  %s%n", s[0], s[1], s[2]));
        if (failure != null) {
            log.println("    FAILED:\n" + indent(failure));
        }
        return new Breakdown(scenario.entities(), scenario.model().schemas(), steps, result.wallSeconds(), failure);
    }

    // ---------------------------------------------------------------- helpers

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String indent(String text) {
        return text.lines().map(l -> "      | " + l).collect(Collectors.joining("\n"));
    }

    /** The changelog directory's files and contents, to put back after a run. */
    private record ChangelogSnapshot(Path directory, Map<Path, byte[]> files) {
        static ChangelogSnapshot of(Path directory) {
            Map<Path, byte[]> files = new HashMap<>();
            try (Stream<Path> paths = Files.list(directory)) {
                for (Path path : paths.toList()) {
                    if (Files.isRegularFile(path)) {
                        files.put(path, Files.readAllBytes(path));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ChangelogSnapshot(directory, files);
        }

        void restore() {
            try (Stream<Path> paths = Files.list(directory)) {
                for (Path path : paths.toList()) {
                    if (!files.containsKey(path)) {
                        Files.delete(path);
                    } else if (!Arrays.equals(files.get(path), Files.readAllBytes(path))) {
                        Files.write(path, files.get(path));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---------------------------------------------------------------- command line

    /**
     * {@code Benchmark [--sizes 100,500,2000] [--schemas 1,2] [--repetitions 3] [--warmups 1] [--output docs/performance.md]
     * [--label TEXT] [--work DIR] [--url JDBC_URL --user NAME] [--only id,id] [--no-breakdown] [--jfr]}.
     * Without {@code --url} it starts an embedded PostgreSQL (fsync off) under the work directory for the targets.
     */
    public static void main(String[] args) throws IOException {
        Path root = Layout.findRoot(Path.of(""));
        List<Integer> sizes = List.of(100, 500, 2000);
        List<Integer> schemas = List.of(1, 2);
        int repetitions = 3;
        int warmups = 1;
        Path output = root.resolve("docs/performance.md");
        String label = null;
        Path work = root.resolve("bench/target/bench-work");
        String url = null;
        String user = "postgres";
        boolean breakdown = true;
        boolean jfr = false;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--schemas" -> schemas = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                case "--output" -> output = args[++i].equals("-") ? null : Path.of(args[i]).toAbsolutePath();
                case "--label" -> label = args[++i];
                case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--no-breakdown" -> breakdown = false;
                case "--jfr" -> jfr = true;
                default -> {
                    System.err.println("unknown argument " + arg + "; see the javadoc of " + Benchmark.class.getName());
                    System.exit(2);
                }
            }
        }
        if (label == null) {
            label = repetitions >= 3 ? "full run" : "partial run (" + repetitions + " repetition(s))";
        }
        Layout layout = Layout.of(root);
        Options options = new Options(sizes, schemas, repetitions, warmups, output, label, work, breakdown, jfr, only);
        Files.createDirectories(work);
        if (url != null) {
            run(options, layout, new Server(url, user, System.getenv("BENCH_DB_PASSWORD")),
                    "given server (" + url.replaceAll("(?i)password=[^&]*", "password=***") + ")", System.out);
            return;
        }
        try (EmbeddedServer embedded = EmbeddedServer.start(work.resolve("pg/data"), false)) {
            run(options, layout, new Server(embedded.jdbcUrl("postgres"), embedded.user(), ""),
                    "embedded PostgreSQL started by the harness, fsync off", System.out);
        }
    }
}
