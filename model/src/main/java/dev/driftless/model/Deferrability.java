package dev.driftless.model;

/**
 * Whether a primary key, unique or foreign key constraint may be checked at commit instead of per statement. JPA has no
 * way to say so: the model's keys are always {@link #NOT_DEFERRABLE}, so a database's deferrable key is kept and
 * reported, and a dropped one is re-created as it was.
 */
public enum Deferrability {
    NOT_DEFERRABLE(""),
    /** {@code DEFERRABLE} (initially immediate): {@code SET CONSTRAINTS … DEFERRED} may defer it. */
    DEFERRABLE(" DEFERRABLE"),
    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit unless set immediate. */
    INITIALLY_DEFERRED(" DEFERRABLE INITIALLY DEFERRED");

    private final String clause;

    Deferrability(String clause) {
        this.clause = clause;
    }

    /** The clause that ends a constraint definition, with its leading space; empty when not deferrable. */
    public String clause() {
        return clause;
    }

    /** For people: {@code NOT DEFERRABLE}, {@code DEFERRABLE INITIALLY DEFERRED}. */
    public String describe() {
        return this == NOT_DEFERRABLE ? "NOT DEFERRABLE" : clause.strip();
    }

    /** From pg_constraint's {@code condeferrable} and {@code condeferred}. */
    public static Deferrability of(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable ? NOT_DEFERRABLE : initiallyDeferred ? INITIALLY_DEFERRED : DEFERRABLE;
    }
}
