package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java example in docs/java-api.md is the source of a test that runs on every build: each {@code ```java} block
 * must appear, line for line (indentation aside), in one of the example tests, which compile and run like any other.
 */
class DocExamplesTest {

    private static final Path PAGE = Path.of("../docs/java-api.md");
    private static final List<Path> EXAMPLES = List.of(
            Path.of("src/test/java/com/acme/JavaApiExampleTest.java"),
            Path.of("src/test/java/com/acme/SchemaMatchesEntitiesTest.java"));
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");

    @Test
    void everyJavaExampleOnThePageIsTheSourceOfATest() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(Files.readString(PAGE));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(2, blocks.size(), "the page's Java examples: the tour and the JUnit test");
        List<String> sources = new ArrayList<>();
        for (Path example : EXAMPLES) {
            sources.add(normalised(Files.readString(example)));
        }
        for (String block : blocks) {
            String wanted = normalised(block);
            assertTrue(sources.stream().anyMatch(s -> s.contains(wanted)),
                    () -> "this example of docs/java-api.md is in none of " + EXAMPLES + ":\n" + block);
        }
    }

    /** Lines stripped of their indentation, blank lines dropped: the page may indent differently. */
    private static String normalised(String text) {
        return "\n" + String.join("\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) + "\n";
    }
}
