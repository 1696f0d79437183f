package dev.driftless.changelogs.backup;

import dev.driftless.changelogs.ApplyResult;
import dev.driftless.changelogs.PlannedChangeset;
import java.util.Locale;

/** When {@code apply} backs the database up before changing it. */
public enum BackupPolicy {
    /** Before every apply that has something to apply. */
    ALWAYS,
    /** Only when a pending changeset is destructive (its comment starts with {@code DESTRUCTIVE:}). The default. */
    DESTRUCTIVE,
    /** Never (the pipeline backs up on its own). */
    NEVER;

    /** Whether an apply with this plan (a dry run's result) should be preceded by a backup. */
    public boolean wants(ApplyResult plan) {
        return !plan.upToDate() && wantsBefore(plan.planned());
    }

    /** Whether an apply of these pending changesets (not empty) backs up first. */
    public boolean wantsBefore(java.util.List<PlannedChangeset> pending) {
        return switch (this) {
            case ALWAYS -> !pending.isEmpty();
            case DESTRUCTIVE -> pending.stream().anyMatch(PlannedChangeset::destructive);
            case NEVER -> false;
        };
    }

    public static BackupPolicy parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown backup policy '" + text + "' (use always, destructive or never)", e);
        }
    }
}
