package dev.driftless.generator.render;

import dev.driftless.model.Change;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses, before anything is written, a change whose SQL could break out of its changeset. What the database or the
 * entities name is data, and some of it reaches a changelog unquoted: a comment line, a {@code -- rollback} line,
 * a line of its own inside a multi-line statement. Three things would let it become SQL that {@code apply} runs:
 * <ul>
 *   <li>a control character in an identifier ({@link Identifiers#quote} refuses it, named here);</li>
 *   <li>a carriage return anywhere in the SQL: Liquibase's formatted SQL parser, and Java's {@code lines()}, end a
 *       line there, so the rest of the line would be read as a new line;</li>
 *   <li>a line that reads as a Liquibase directive ({@code --changeset}, {@code --rollback}, {@code --precondition…}),
 *       which a newline inside an expression or a string literal from the catalog could start.</li>
 * </ul>
 * Comment texts are safe: {@link SqlRenderer} writes them as escaped literals.
 */
public final class ChangelogGuard {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "(?i)^\\s*(--\\s*(liquibase|property|changeset|rollback|precondition|comment|validchecksum|ignore)"
                    + "|/\\*\\s*liquibase)");

    private final SqlRenderer sql = new SqlRenderer();

    /** @throws UnsafeChangelogException naming the first change that is not safe to write, and why */
    public void check(List<Change> changes) {
        for (Change change : changes) {
            check(change, change);
            check(change, change.reverse());
        }
    }

    private void check(Change change, Change rendered) {
        String text;
        try {
            text = sql.render(rendered);
        } catch (UnsafeNameException e) {
            throw refused(change, e.name(), e.getMessage() + ", which a changelog cannot carry safely; rename it in "
                    + "the database or the entity (or leave the object out with 'ignore:' in driftless.yaml)", e);
        }
        if (text.indexOf('\r') >= 0) {
            throw refused(change, null, "its SQL holds a carriage return (from an expression, a default or a type), "
                    + "which would end a line of the changelog early", null);
        }
        text.lines().filter(line -> DIRECTIVE.matcher(line).find()).findFirst().ifPresent(line -> {
            throw refused(change, null, "a line of its SQL would read as a Liquibase directive: "
                    + UnsafeText.printable(line.strip()), null);
        });
    }

    private static UnsafeChangelogException refused(Change change, String name, String why, Throwable cause) {
        String described = change.describe();
        if (name != null) {
            described = described.replace(name, '"' + name + '"');
        }
        return new UnsafeChangelogException("refusing to write the changelog: " + UnsafeText.printable(described)
                + ": " + why, cause);
    }
}
