package dev.driftless.changelogs.lint;

import java.util.List;
import java.util.Objects;

/** The findings about one changeset, one or more per statement, in order. */
public record ChangesetLint(ChangesetSql changeset, List<StatementFinding> findings) {

    public ChangesetLint {
        Objects.requireNonNull(changeset, "changeset");
        findings = List.copyOf(findings);
    }

    /** The highest risk not acknowledged; safe when every finding is safe or acknowledged. */
    public Risk risk() {
        return findings.stream().map(StatementFinding::effectiveRisk).reduce(Risk.SAFE, Risk::max);
    }

    /** The highest risk of any finding, acknowledged or not. */
    public Risk rawRisk() {
        return findings.stream().map(f -> f.finding().risk()).reduce(Risk.SAFE, Risk::max);
    }

    /** The findings worth showing: every one that is not safe. */
    public List<StatementFinding> notable() {
        return findings.stream().filter(f -> f.finding().risk() != Risk.SAFE).toList();
    }
}
