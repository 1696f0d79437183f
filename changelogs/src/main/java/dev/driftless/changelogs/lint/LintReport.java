package dev.driftless.changelogs.lint;

import java.util.List;

/** The lint of a list of changesets. */
public record LintReport(List<ChangesetLint> changesets) {

    public LintReport {
        changesets = List.copyOf(changesets);
    }

    /** The changesets whose unacknowledged risk is at least {@code risk}. */
    public List<ChangesetLint> atLeast(Risk risk) {
        return changesets.stream().filter(c -> c.risk().compareTo(risk) >= 0).toList();
    }

    /** The highest unacknowledged risk of all. */
    public Risk risk() {
        return changesets.stream().map(ChangesetLint::risk).reduce(Risk.SAFE, Risk::max);
    }

    /** Fails on danger; with {@code strict}, on caution and unknown too. */
    public boolean fails(boolean strict) {
        return risk().compareTo(strict ? Risk.UNKNOWN : Risk.DANGER) >= 0;
    }
}
