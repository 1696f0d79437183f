package dev.driftless.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the tests read back from a changelog directory driftless wrote. */
final class Changelogs {

    private Changelogs() {
    }

    /** The changelog files, oldest first, without the master. */
    static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("db.changelog-master")).sorted().toList();
        }
    }

    static Path newest(Path directory) throws IOException {
        List<Path> files = files(directory);
        return files.get(files.size() - 1);
    }

    /** The {@code -- comment:} of each changeset in a formatted-SQL changelog, in order. */
    /** The changesets' comments, without the risk diff adds last ({@code ; risk caution: …}): what each change is. */
    static List<String> comments(Path changelog) throws IOException {
        return Files.readAllLines(changelog).stream().filter(l -> l.startsWith("-- comment: "))
                .map(l -> l.substring("-- comment: ".length()).replaceFirst("; risk (caution|danger): .*$", "")).toList();
    }

    /** The risk part of each changeset's comment ({@code caution: ACCESS EXCLUSIVE lock …}), or "" for a safe one. */
    static List<String> risks(Path changelog) throws IOException {
        return Files.readAllLines(changelog).stream().filter(l -> l.startsWith("-- comment: "))
                .map(l -> l.contains("; risk ") ? l.substring(l.lastIndexOf("; risk ") + "; risk ".length()) : "").toList();
    }
}
