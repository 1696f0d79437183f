package dev.driftless.changelogs.lint;

/** What a statement does to the table's rows while it holds its lock. */
public enum TableEffect {
    NONE, SCAN, REWRITE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
