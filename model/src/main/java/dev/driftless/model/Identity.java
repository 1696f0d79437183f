package dev.driftless.model;

/** Whether and how a column is an identity column ({@code GENERATED … AS IDENTITY}). */
public enum Identity {
    NONE(""),
    ALWAYS("ALWAYS"),
    BY_DEFAULT("BY DEFAULT");

    private final String sql;

    Identity(String sql) {
        this.sql = sql;
    }

    /** The words between {@code GENERATED} and {@code AS IDENTITY}; empty for {@link #NONE}. */
    public String sql() {
        return sql;
    }
}
