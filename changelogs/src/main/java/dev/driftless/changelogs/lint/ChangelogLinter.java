package dev.driftless.changelogs.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints changesets in changelog order: classifies each statement, adds what the changeset's risk label says, and marks
 * what its acknowledgement comment allows. Tables created by an earlier statement of the run count as new, so the
 * indexes and constraints of a table created in the same changelog are not reported as locking.
 */
public final class ChangelogLinter {

    /** The acknowledgement: {@code driftless:allow drop-column}, {@code driftless:allow drop-column, truncate}, {@code driftless:allow all}. */
    public static final Pattern ALLOW = Pattern.compile("driftless:allow\\s+([a-z-]+(?:\\s*,\\s*[a-z-]+)*)", Pattern.CASE_INSENSITIVE);

    /** The label {@code driftless diff} gives a changeset that loses data. */
    public static final String DANGER_LABEL = "risk:danger";

    private final StatementClassifier classifier = new StatementClassifier();

    public LintReport lint(List<ChangesetSql> changesets) {
        Set<String> newTables = new HashSet<>();
        NotNullProofs proofs = new NotNullProofs();
        List<ChangesetLint> linted = new ArrayList<>();
        for (ChangesetSql changeset : changesets) {
            linted.add(lint(changeset, newTables, proofs));
        }
        return new LintReport(linted);
    }

    private ChangesetLint lint(ChangesetSql changeset, Set<String> newTables, NotNullProofs proofs) {
        Set<String> allowed = allowed(changeset.rawText());
        List<StatementFinding> findings = new ArrayList<>();
        if (changeset.labels().stream().anyMatch(DANGER_LABEL::equalsIgnoreCase)) {
            findings.add(found("", new Finding("risk-label", Risk.DANGER, "unknown", TableEffect.NONE,
                    "the changeset is labelled " + DANGER_LABEL + ": it loses data"), allowed));
        }
        for (String problem : changeset.problems()) {
            findings.add(found("", new Finding("unknown", Risk.UNKNOWN, "unknown", TableEffect.NONE, problem), allowed));
        }
        Set<String> createdViews = new HashSet<>();
        changeset.statements().forEach(statement -> createdViews.addAll(StatementClassifier.createdViews(statement)));
        for (String statement : changeset.statements()) {
            for (Finding finding : classifier.classify(statement, newTables, proofs, createdViews)) {
                findings.add(found(statement.strip(), finding, allowed));
            }
            StatementClassifier.createdTable(statement).ifPresent(newTables::add);
        }
        return new ChangesetLint(changeset, findings);
    }

    private static StatementFinding found(String statement, Finding finding, Set<String> allowed) {
        return new StatementFinding(statement, finding, allowed.contains("all") || allowed.contains(finding.rule()));
    }

    /** The rules {@code text}'s acknowledgement comments allow, lower-cased. */
    static Set<String> allowed(String text) {
        Set<String> rules = new HashSet<>();
        Matcher m = ALLOW.matcher(text);
        while (m.find()) {
            for (String rule : m.group(1).split(",")) {
                rules.add(rule.strip().toLowerCase(Locale.ROOT));
            }
        }
        return rules;
    }
}
