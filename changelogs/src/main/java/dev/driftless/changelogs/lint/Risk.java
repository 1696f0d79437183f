package dev.driftless.changelogs.lint;

/**
 * How much a statement can hurt, in rising order of severity, so the risk of many statements is their maximum.
 * {@link #UNKNOWN} ranks above {@link #SAFE}: what the linter cannot classify is never reported as safe.
 */
public enum Risk {
    /** Loses no data and takes no lock that blocks reads or writes for longer than a catalog update. */
    SAFE,
    /** Not recognised: nothing is known about it, so it is not safe. */
    UNKNOWN,
    /** Blocks reads or writes for a scan or rewrite of the table, breaks running code, or can fail on existing data. */
    CAUTION,
    /** Loses data or cannot be reversed with its data. */
    DANGER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Risk max(Risk other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
