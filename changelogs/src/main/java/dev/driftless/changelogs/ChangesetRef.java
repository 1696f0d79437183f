package dev.driftless.changelogs;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one changeset the way Liquibase records it in {@code DATABASECHANGELOG}.
 *
 * @param file   path of the changelog file that holds the changeset, relative to the changelog directory
 *               and with {@code /} separators (e.g. {@code 20261121214755-initial.sql})
 * @param id     the changeset id (e.g. {@code 20261121214755-1})
 * @param author the changeset author (e.g. {@code driftless})
 */
public record ChangesetRef(String file, String id, String author) implements Serializable {

    public ChangesetRef {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
    }

    /** {@code file::id::author}, the form Liquibase uses in its own messages. */
    @Override
    public String toString() {
        return file + "::" + id + "::" + author;
    }
}
