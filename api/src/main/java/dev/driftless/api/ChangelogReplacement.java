package dev.driftless.api;

import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.generator.render.ChangelogWriter;
import dev.driftless.generator.render.MasterChangelog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code diff --replace}: the newest generated changelog, applied nowhere the target can tell, is set aside so that a
 * new diff takes its place, without anyone editing the master by hand. It is moved under the project's
 * {@code .driftless/replaced/}, never deleted: it may hold a reviewer's edits.
 *
 * @param file   the changelog to replace
 * @param master the master changelog that includes it
 */
record ChangelogReplacement(Path file, MasterChangelog master) {

    /**
     * The changelog a diff may replace, given the target's view of every changeset. Refuses (exit 1) when there is
     * none, when one of its changesets is applied (roll it back first), or when the master does not include it in the
     * form driftless writes (it was edited by hand).
     */
    static ChangelogReplacement find(MasterChangelog master, List<ChangesetStatus> statuses) {
        Path changelogDirectory = master.directory();
        Path newest = ChangelogWriter.newest(changelogDirectory);
        if (newest == null) {
            throw new DriftlessException(ExitCode.FAILURE, "--replace: there is no generated changelog in "
                    + changelogDirectory + " to replace; run diff without --replace");
        }
        String name = newest.getFileName().toString();
        List<ChangesetRef> applied = statuses.stream().filter(ChangesetStatus::applied).map(ChangesetStatus::changeset)
                .filter(c -> isIn(c, name)).toList();
        if (!applied.isEmpty()) {
            throw new DriftlessException(ExitCode.FAILURE, "--replace: " + name + " is applied to this database ("
                    + applied.size() + " changeset(s)); roll it back first (driftless rollback --count "
                    + applied.size() + "), or run diff without --replace for a new changelog on top of it");
        }
        if (!master.includes(name)) {
            throw new DriftlessException(ExitCode.FAILURE, "--replace: " + master.name() + " does not include "
                    + name + " as driftless wrote it; remove the include and the file by hand, then run diff");
        }
        return new ChangelogReplacement(newest, master);
    }

    /** Whether {@code changeset} lives in the file to replace. */
    boolean holds(ChangesetRef changeset) {
        return isIn(changeset, file.getFileName().toString());
    }

    /** Takes the file out of the changelog: its include goes, the file moves under {@code setAsideIn}. */
    Path setAside(Path setAsideIn) {
        String name = file.getFileName().toString();
        if (!master.exclude(name)) {
            throw new DriftlessException(ExitCode.FAILURE, "--replace: could not remove the include of " + name
                    + " from " + master.name() + "; nothing was changed");
        }
        try {
            Files.createDirectories(setAsideIn);
            Path kept = setAsideIn.resolve(name);
            return Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + file + " to " + setAsideIn + ": " + e.getMessage(), e);
        }
    }

    private static boolean isIn(ChangesetRef changeset, String fileName) {
        String path = changeset.file().replace('\\', '/');
        return path.equals(fileName) || path.endsWith("/" + fileName);
    }
}
