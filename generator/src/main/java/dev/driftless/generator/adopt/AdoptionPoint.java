package dev.driftless.generator.adopt;

import dev.driftless.generator.render.MasterChangelog;

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

    /** Whether {@code master} has an adoption point. */
    public static boolean existsIn(MasterChangelog master) {
        return master.hasChangeSet(ID);
    }

    /**
     * Appends the adoption point to the master changelog (creating it when missing), after everything it includes.
     *
     * @param what the adopted history, for the reader of the changelog ("baseline of …", "12 Flyway migrations")
     * @throws IllegalStateException when the master changelog has an adoption point already
     */
    public static void append(MasterChangelog master, String what) {
        if (existsIn(master)) {
            throw new IllegalStateException(master.file() + " already has an adoption point (" + ID + ")");
        }
        String comment = "ADOPTION POINT after " + what + ": driftless check proves rollbacks only for the changesets"
                + " after this one";
        master.add(master.isXml() ? xmlEntry(master.entryIndent(), comment) : yamlEntry(master.entryIndent(), comment));
    }

    private static String yamlEntry(String item, String comment) {
        String in = item + "    ";
        return item + "- changeSet:\n"
                + in + "id: " + ID + "\n"
                + in + "author: " + AUTHOR + "\n"
                + in + "comment: \"" + comment.replace("\"", "'") + "\"\n"
                + in + "changes:\n"
                + in + "  - sql:\n"
                + in + "      sql: SELECT 1\n"
                + in + "rollback:\n"
                + in + "  - sql:\n"
                + in + "      sql: SELECT 1\n";
    }

    private static String xmlEntry(String indent, String comment) {
        String in = indent + "    ";
        return indent + "<changeSet id=\"" + ID + "\" author=\"" + AUTHOR + "\">\n"
                + in + "<comment>" + comment.replace("&", "&amp;").replace("<", "&lt;") + "</comment>\n"
                + in + "<sql>SELECT 1</sql>\n"
                + in + "<rollback><sql>SELECT 1</sql></rollback>\n"
                + indent + "</changeSet>\n";
    }
}
