package dev.driftless.generator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Renames;
import dev.driftless.testing.ModelCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rename detection over a real git repository holding the bundled example's sources. */
class SourceHistoryTest {

    @TempDir
    Path repo;

    static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "commit.gpgsign=false", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
    }

    Path committedExample() throws Exception {
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), repo.resolve("src/main/java"));
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "v1");
        return sources;
    }

    @Test
    void renamesInTheWorkingTreeAgainstHead() throws Exception {
        Path sources = committedExample();
        ModelCompiler.edit(sources, "com/acme/trading/market/Order.java",
                Map.of("@Column(name = \"quantity\",", "@Column(name = \"order_quantity\","));
        ModelCompiler.edit(sources, "com/acme/trading/market/Trade.java",
                Map.of("name = \"trades\"", "name = \"executions\""));
        // A moved file, not staged: the old path is deleted, the new one untracked.
        Path moved = sources.resolve("com/acme/trading/market/execution/Trade.java");
        Files.createDirectories(moved.getParent());
        Files.move(sources.resolve("com/acme/trading/market/Trade.java"), moved);

        SourceHistory.Found found = SourceHistory.find(sources, null, NamingStrategy.HIBERNATE, null);

        assertEquals(List.of(
                new Change.RenameColumn(QualifiedName.of("market_data", "orders"), "quantity", "order_quantity"),
                new Change.RenameTable(QualifiedName.of("market_data", "trades"), QualifiedName.of("market_data", "executions"))),
                found.requests().stream().map(Renames.Request::rename).toList(), found::toString);
        assertTrue(found.note().contains("with HEAD"), found.note());
    }

    @Test
    void committedRenamesAgainstAnEarlierRevision() throws Exception {
        Path sources = committedExample();
        ModelCompiler.edit(sources, "com/acme/trading/market/Order.java",
                Map.of("@Column(name = \"quantity\",", "@Column(name = \"order_quantity\","));
        git(repo, "commit", "-q", "-am", "v2");

        assertEquals(List.of(), SourceHistory.find(sources, null, NamingStrategy.HIBERNATE, null).requests());
        assertEquals(1, SourceHistory.find(sources, "HEAD~1", NamingStrategy.HIBERNATE, null).requests().size());
        HistoryException missing = assertThrows(HistoryException.class,
                () -> SourceHistory.find(sources, "no-such-rev", NamingStrategy.HIBERNATE, null));
        assertTrue(missing.getMessage().contains("--since no-such-rev: no such revision"), missing.getMessage());
    }

    @Test
    void outsideGitThereIsNothingToCompareAndItSaysSo() throws Exception {
        Path sources = ModelCompiler.copySources(ModelCompiler.exampleSources(), repo.resolve("plain"));
        SourceHistory.Found found = SourceHistory.find(sources, null, NamingStrategy.HIBERNATE, null);
        assertEquals(List.of(), found.requests());
        assertTrue(found.note().contains("not in a git work tree"), found.note());
        assertThrows(HistoryException.class, () -> SourceHistory.find(sources, "HEAD", NamingStrategy.HIBERNATE, null));
    }
}
