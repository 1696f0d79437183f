package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/errors.md promises that each of its rows is checked by the test it names: every named test must exist. */
class ErrorsDocTest {

    private static final Pattern METHOD = Pattern.compile("`(\\w+)\\.(\\w+)`");
    private static final Pattern CASE = Pattern.compile("`(\\w+)\\[([\\w-]+)]`");

    @Test
    void everyRowNamesATestThatExists() throws IOException {
        Path root = repositoryRoot();
        List<String> rows = Files.readAllLines(root.resolve("docs/errors.md")).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| bad input") && !line.startsWith("|---"))
                .toList();
        assertTrue(rows.size() >= 20, "the table lists the bad inputs: " + rows.size() + " row(s)");

        List<String> unchecked = new ArrayList<>();
        for (String row : rows) {
            String testColumn = row.substring(row.lastIndexOf('|', row.length() - 2));
            if (!namesAnExistingTest(root, testColumn)) {
                unchecked.add(row);
            }
        }
        assertTrue(unchecked.isEmpty(), "rows whose test does not exist:\n" + String.join("\n", unchecked));
    }

    private static boolean namesAnExistingTest(Path root, String column) {
        Matcher method = METHOD.matcher(column);
        if (method.find()) {
            return testSource(root, method.group(1)).contains("void " + method.group(2) + "(");
        }
        Matcher parameterized = CASE.matcher(column);
        if (parameterized.find()) {
            return testSource(root, parameterized.group(1)).contains("\"" + parameterized.group(2) + "\"");
        }
        return false;
    }

    /** The source of the named test class, in whichever module's tests it sits; empty when there is none. */
    private static String testSource(Path root, String className) {
        try (Stream<Path> files = Files.walk(root, 12)) {
            Path source = files.filter(file -> file.toString().contains("/src/test/java/"))
                    .filter(file -> file.getFileName().toString().equals(className + ".java"))
                    .findFirst().orElse(null);
            return source == null ? "" : Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        return ModelCompiler.exampleSources().getParent().getParent().getParent().getParent().getParent();
    }
}
