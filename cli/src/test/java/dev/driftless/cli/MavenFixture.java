package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftless.testing.ModelCompiler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** The fixture Maven build in test resources (a parent pom and an app module with two entities), copied for a test. */
final class MavenFixture {

    /** The fixture's entity Fund implements an interface of this library: it cannot be read without Maven's class path. */
    private static final Path COMMONS_MATH = Path.of(System.getProperty("user.home"),
            ".m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar");

    private MavenFixture() {
    }

    /** A copy of the fixture build; with {@code compiled}, app/target/classes as {@code mvn compile} leaves it. */
    static Path copy(Path temp, boolean compiled) throws Exception {
        Path build = ModelCompiler.copySources(Path.of(MavenFixture.class.getResource("/maven-project").toURI()),
                temp.resolve("shop"));
        if (compiled) {
            assumeTrue(Files.isRegularFile(COMMONS_MATH), "needs " + COMMONS_MATH + " in the local Maven repository");
            Path classes = build.resolve("app/target/classes");
            Files.createDirectories(classes);
            List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path") + File.pathSeparator + COMMONS_MATH));
            try (Stream<Path> sources = Files.walk(build.resolve("app/src/main/java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
            ModelCompiler.copySources(build.resolve("app/src/main/resources"), classes);
        }
        return build;
    }

    static void assumeMavenRuns() throws Exception {
        boolean runs;
        try {
            Process maven = new ProcessBuilder("mvn", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            runs = maven.waitFor(2, TimeUnit.MINUTES) && maven.exitValue() == 0;
        } catch (java.io.IOException e) {
            runs = false;
        }
        assumeTrue(runs, "needs Maven ('mvn') on PATH to resolve the fixture's class path");
    }
}
