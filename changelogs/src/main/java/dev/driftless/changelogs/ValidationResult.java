package dev.driftless.changelogs;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ChangelogRunner#validate()} found: problems with the changelog itself and with applied changesets, and
 * notes that are no problem (another changelog's rows in a shared {@code DATABASECHANGELOG}).
 * Findings are results, not exceptions: the caller decides whether they fail the build.
 */
public record ValidationResult(int changesets, int applied, List<Problem> problems, List<String> notes) {

    public ValidationResult {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public ValidationResult(int changesets, int applied, List<Problem> problems) {
        this(changesets, applied, problems, List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** What kind of problem. */
    public enum Kind {
        /** The changelog cannot be read, or Liquibase rejects its structure. */
        STRUCTURE,
        /** Two changesets share file, id and author. */
        DUPLICATE_ID,
        /** An applied changeset was edited afterwards. */
        CHECKSUM,
        /** An applied changeset is no longer in the changelog. */
        MISSING
    }

    /**
     * @param changeset the changeset it is about, or {@code null} for the changelog as a whole
     */
    public record Problem(Kind kind, ChangesetRef changeset, String message) {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }
}
