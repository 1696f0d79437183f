package dev.driftless.generator.adopt;

import dev.driftless.generator.render.ChangelogWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The adoption point: a changeset in the master changelog that marks where driftless's guarantees start. Everything
 * before it is history driftless adopted (a baseline, imported migrations, a Liquibase project's own changelogs):
 * {@code check} replays it, but proves rollbacks only for the changesets after it.
 *
 * <p>It is an ordinary changeset (so Liquibase keeps its place in the order and records it like any other) whose SQL
 * does nothing, in both directions.
 */
public final class AdoptionPoint {

    /** The adoption point's changeset id; with {@link #AUTHOR}, how the runner and the gate find it. */
    public static final String ID = "driftless-adoption-point";
    public static final String AUTHOR = "driftless";

    private AdoptionPoint() {
    }

    /** Whether a changeset of this id and author is the adoption point. */
    public static boolean is(String id, String author) {
        return ID.equals(id) && AUTHOR.equals(author);
    }

    /** Whether the master changelog in {@code changelogDirectory} has an adoption point. */
    public static boolean existsIn(Path changelogDirectory) {
        Path master = changelogDirectory.resolve(ChangelogWriter.MASTER);
        try {
            return Files.exists(master) && Files.readString(master).contains("id: " + ID);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + master + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends the adoption point to the master changelog (creating it when missing), after everything it includes.
     *
     * @param what the adopted history, for the reader of the changelog ("baseline of …", "12 Flyway migrations")
     * @throws IllegalStateException when the master changelog has an adoption point already
     */
    public static void append(Path changelogDirectory, String what) {
        Path master = changelogDirectory.resolve(ChangelogWriter.MASTER);
        try {
            Files.createDirectories(changelogDirectory);
            if (!Files.exists(master)) {
                Files.writeString(master, "# Written by driftless: each generated changelog is included here, oldest first.\n"
                        + "databaseChangeLog:\n");
            } else if (Files.readString(master).contains("id: " + ID)) {
                throw new IllegalStateException(master + " already has an adoption point (" + ID + ")");
            }
            Files.writeString(master, entry(what), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the adoption point into " + master + ": " + e.getMessage(), e);
        }
    }

    private static String entry(String what) {
        String comment = ("ADOPTION POINT after " + what + ": driftless check proves rollbacks only for the changesets"
                + " after this one").replace("\"", "'");
        return "  - changeSet:\n"
                + "      id: " + ID + "\n"
                + "      author: " + AUTHOR + "\n"
                + "      comment: \"" + comment + "\"\n"
                + "      changes:\n"
                + "        - sql:\n"
                + "            sql: SELECT 1\n"
                + "      rollback:\n"
                + "        - sql:\n"
                + "            sql: SELECT 1\n";
    }
}
