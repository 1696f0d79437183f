package dev.driftless.model;

/**
 * Choices the user makes about a diff.
 *
 * @param dropUnmapped drop tables and sequences that exist in a managed schema but not in the model
 *                     (off by default: a database often holds tables the application does not own)
 */
public record DiffOptions(boolean dropUnmapped) {

    public static DiffOptions defaults() {
        return new DiffOptions(false);
    }
}
