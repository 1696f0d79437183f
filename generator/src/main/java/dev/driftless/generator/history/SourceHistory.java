package dev.driftless.generator.history;

import dev.driftless.generator.entity.NamingStrategy;
import dev.driftless.model.Renames;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Renames found in the entity sources' git history: the sources at a base revision ({@code HEAD} unless told
 * otherwise) against the sources now.
 */
public final class SourceHistory {

    private SourceHistory() {
    }

    /**
     * What was found.
     *
     * @param requests the renames found, to be checked against the schemas
     * @param note     one line for people on what was compared, or why nothing was (no git, no such directory)
     */
    public record Found(List<Renames.Request> requests, String note) {
        public Found {
            requests = List.copyOf(requests);
        }
    }

    /**
     * @param revision      the base revision, or {@code null} for {@code HEAD}
     * @param defaultSchema {@code hibernate.default_schema}, or {@code null}
     * @throws HistoryException when a revision was given and does not exist, or git fails
     */
    public static Found find(Path sources, String revision, NamingStrategy strategy, String defaultSchema) {
        Optional<ColumnNaming> naming = ColumnNaming.of(strategy);
        if (naming.isEmpty()) {
            return new Found(List.of(), "renames from source history: off, the naming strategy "
                    + strategy.describe() + " is not one driftless can mirror");
        }
        if (!java.nio.file.Files.isDirectory(sources)) {
            if (revision != null) {
                throw new HistoryException("--since " + revision + ": there is no entity sources directory " + sources
                        + " (set 'sources' in driftless.yaml or pass --sources DIR)");
            }
            return new Found(List.of(), "renames from source history: off, no sources directory " + sources
                    + " (set 'sources' in driftless.yaml or pass --sources DIR)");
        }
        Optional<GitSources> git = GitSources.open(sources);
        if (git.isEmpty()) {
            if (revision != null) {
                throw new HistoryException("--since " + revision + ": the entity sources " + sources
                        + " are not in a git work tree (set 'sources' in driftless.yaml or pass --sources DIR)");
            }
            return new Found(List.of(), "renames from source history: off, " + sources + " is not in a git work tree");
        }
        String base = revision == null ? "HEAD" : revision;
        Optional<String> commit = git.get().commit(base);
        if (commit.isEmpty()) {
            if (revision != null) {
                throw new HistoryException("--since " + revision + ": no such revision in the git repository of " + sources);
            }
            return new Found(List.of(), "renames from source history: off, the repository of " + sources + " has no commit yet");
        }
        List<String> changed = git.get().changedJavaFiles(commit.get());
        SourceSnapshot before = new SourceSnapshot(git.get().at(commit.get()), naming.get(), defaultSchema);
        SourceSnapshot after = new SourceSnapshot(SourceTree.directory(sources), naming.get(), defaultSchema);
        List<Renames.Request> found = HistoryRenames.detect(before, after, changed);
        return new Found(found, "renames from source history: compared " + changed.size() + " changed source file(s) in "
                + sources + " with " + base + " (" + commit.get().substring(0, Math.min(12, commit.get().length())) + ")");
    }
}
