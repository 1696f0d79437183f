package dev.driftless.changelogs.lint;

import java.util.Objects;

/**
 * What one rule says about one statement.
 *
 * @param rule    the rule's id, as a suppression comment names it ({@code drop-column}, {@code create-index}…)
 * @param risk    safe, unknown, caution or danger
 * @param lock    the PostgreSQL table lock the statement takes ({@code ACCESS EXCLUSIVE}, {@code SHARE}…), or
 *                {@code none}, or {@code unknown}
 * @param effect  whether it scans or rewrites the table under that lock
 * @param message one sentence for a person: what happens, and the safer form when there is one
 */
public record Finding(String rule, Risk risk, String lock, TableEffect effect, String message) {

    public static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    public static final String SHARE = "SHARE";
    public static final String SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE";
    public static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE";
    public static final String ROW_EXCLUSIVE = "ROW EXCLUSIVE";
    public static final String NONE = "none";

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(message, "message");
    }

    static Finding safe(String rule, String lock, String message) {
        return new Finding(rule, Risk.SAFE, lock, TableEffect.NONE, message);
    }
}
