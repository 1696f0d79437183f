package dev.driftless.changelogs;

import java.util.Map;
import java.util.TreeMap;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeLogParameters;

/**
 * The Liquibase contexts and labels a project runs its changelog with ({@code --contexts}, {@code --labels},
 * {@code contexts:}/{@code labels:} in driftless.yaml). They decide more than which changesets run: a property
 * defined for a context has its value only under that context, so the text of a changeset, and its checksum, depend
 * on them. So do the changelog parameters the application gives its Liquibase ({@code spring.liquibase.parameters.*},
 * {@code changelog-parameters:} in driftless.yaml): a {@code ${schema}} in a changeset is that value, not the text
 * {@code ${schema}}. Liquibase's own update sets them before it parses; so does every runner call.
 *
 * @param contexts   a context expression, or {@code null} for all changesets (as Liquibase without contexts)
 * @param labels     a label expression, or {@code null} for all
 * @param parameters changelog parameters by name
 */
public record ChangesetFilter(String contexts, String labels, Map<String, String> parameters) {

    public static final ChangesetFilter ALL = new ChangesetFilter(null, null);

    public ChangesetFilter {
        contexts = blankAsNull(contexts);
        labels = blankAsNull(labels);
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public ChangesetFilter(String contexts, String labels) {
        this(contexts, labels, Map.of());
    }

    /** This filter with {@code contexts} and {@code labels} where they are given. */
    public ChangesetFilter or(String otherContexts, String otherLabels) {
        return new ChangesetFilter(otherContexts != null ? otherContexts : contexts,
                otherLabels != null ? otherLabels : labels, parameters);
    }

    Contexts liquibaseContexts() {
        return contexts == null ? new Contexts() : new Contexts(contexts);
    }

    LabelExpression liquibaseLabels() {
        return new LabelExpression(labels);
    }

    /** Before parsing, as Liquibase's update does: property values follow the contexts and labels. */
    void applyTo(ChangeLogParameters liquibaseParameters) {
        liquibaseParameters.setContexts(liquibaseContexts());
        liquibaseParameters.setLabels(liquibaseLabels());
        parameters.forEach(liquibaseParameters::set);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
