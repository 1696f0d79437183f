package dev.driftless.changelogs.lint;

import dev.driftless.changelogs.ChangesetRef;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One changeset as the linter sees it: the SQL statements Liquibase would send for it, and the text a person wrote
 * around them (its comment, the raw SQL with its comments), where an acknowledgement lives.
 *
 * @param line       the line of the file where the changeset starts, or 0 when it cannot be told
 * @param labels     its Liquibase labels ({@code risk:danger} from {@code driftless diff} counts as danger)
 * @param statements the statements, in the order they will be sent
 * @param rawText    the changeset's comment and the SQL text of its sql changes, comments included
 * @param problems   changes whose SQL could not be generated (reported as unknown)
 * @param runInTransaction whether Liquibase runs it inside one transaction ({@code runInTransaction:false} does not)
 */
public record ChangesetSql(ChangesetRef changeset, int line, Set<String> labels, List<String> statements,
                           String rawText, List<String> problems, boolean runInTransaction) {

    public ChangesetSql(ChangesetRef changeset, int line, Set<String> labels, List<String> statements, String rawText,
                        List<String> problems) {
        this(changeset, line, labels, statements, rawText, problems, true);
    }

    public ChangesetSql {
        Objects.requireNonNull(changeset, "changeset");
        labels = Set.copyOf(labels);
        statements = List.copyOf(statements);
        rawText = rawText == null ? "" : rawText;
        problems = List.copyOf(problems);
    }

    /** {@code file:line}, or the file alone when the line is not known. */
    public String location() {
        return changeset.file() + (line > 0 ? ":" + line : "");
    }
}
