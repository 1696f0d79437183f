package dev.driftless.generator.render;

import dev.driftless.model.Change;
import dev.driftless.model.Deferrability;
import dev.driftless.model.Index;
import dev.driftless.model.QualifiedName;
import java.util.List;

/**
 * A primary key or unique constraint that a change adds or drops, seen alike: where the renderer decides how a key is
 * replaced without a moment in which the table goes unprotected.
 *
 * @param adds          whether the change adds the key (else it drops it)
 * @param deferrability    the key's, so that the statement that re-creates it says it again (and the two below)
 * @param include          the INCLUDE columns of a unique constraint's index
 * @param nullsNotDistinct whether a unique constraint takes one null only
 */
record KeyChange(QualifiedName table, String name, List<String> columns, boolean primary, boolean adds,
                 Deferrability deferrability, List<String> include, boolean nullsNotDistinct) {

    /** The key {@code change} adds or drops, or null when it is no key change. */
    static KeyChange of(Change change) {
        if (change instanceof Change.AddPrimaryKey c) {
            return new KeyChange(c.table(), c.key().name(), c.key().columns(), true, true,
                    c.key().deferrability(), List.of(), false);
        }
        if (change instanceof Change.DropPrimaryKey c) {
            return new KeyChange(c.table(), c.key().name(), c.key().columns(), true, false,
                    c.key().deferrability(), List.of(), false);
        }
        if (change instanceof Change.AddUniqueConstraint c) {
            return new KeyChange(c.table(), c.constraint().name(), c.constraint().columns(), false, true,
                    c.constraint().deferrability(), c.constraint().include(), c.constraint().nullsNotDistinct());
        }
        if (change instanceof Change.DropUniqueConstraint c) {
            return new KeyChange(c.table(), c.constraint().name(), c.constraint().columns(), false, false,
                    c.constraint().deferrability(), c.constraint().include(), c.constraint().nullsNotDistinct());
        }
        return null;
    }

    static KeyChange dropped(Change change) {
        KeyChange key = of(change);
        return key != null && !key.adds() ? key : null;
    }

    static KeyChange added(Change change) {
        KeyChange key = of(change);
        return key != null && key.adds() ? key : null;
    }

    /** {@code PRIMARY KEY} or {@code UNIQUE}. */
    String kind() {
        return primary ? "PRIMARY KEY" : "UNIQUE";
    }

    /** The key's columns as its definition states them: {@code [NULLS NOT DISTINCT ](a, b)[ INCLUDE (c)]}. */
    String columnsClause() {
        return (nullsNotDistinct ? "NULLS NOT DISTINCT " : "") + SqlRenderer.columns(columns)
                + (include.isEmpty() ? "" : " INCLUDE " + SqlRenderer.columns(include));
    }

    /** The unique btree index that can become this key's own ({@code USING INDEX}). */
    Index index(String indexName) {
        return new Index(indexName, columns.stream().map(Identifiers::quote).toList(), true, "btree", null,
                include.stream().map(Identifiers::quote).toList(), nullsNotDistinct);
    }

    /** A primary key by any new one; a unique constraint by one of its own name (the name cannot be taken twice). */
    boolean replacedBy(KeyChange added) {
        return added != null && added.table().equals(table) && added.primary() == primary
                && (primary || added.name().equals(name));
    }

    /** A unique constraint by another one, under another name, on the same table: both can stand at once. */
    boolean supersededBy(KeyChange added) {
        return added != null && !primary && !added.primary() && added.table().equals(table) && !added.name().equals(name);
    }

    /** Whether a column of this key is dropped by one of {@code changes} (which drops the key with it). */
    boolean columnDropped(List<Change> changes) {
        return changes.stream().anyMatch(c -> c instanceof Change.DropColumn dc && dc.table().equals(table)
                && columns.contains(dc.column().name()));
    }
}
