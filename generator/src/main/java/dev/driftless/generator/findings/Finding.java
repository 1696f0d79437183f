package dev.driftless.generator.findings;

import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import java.util.List;
import java.util.Objects;

/**
 * One way the database and the model disagree, derived from the differ's changes: the database object, what is
 * wrong with it, and the entity source that maps it.
 *
 * @param kind     what kind of difference
 * @param table    the table it belongs to, or {@code null} for a schema or a sequence
 * @param column   the column, for column-level findings; else {@code null}
 * @param object   the database object, for people: {@code column backtester.orders.symbol}
 * @param problem  what is wrong: {@code missing in the database}
 * @param database the object's state in the database ({@code null}: absent)
 * @param model    the state the model asks for ({@code null}: absent)
 * @param source   the entity class and field that map it, or {@code null} when nothing in the model does
 * @param key      identifies the difference across comparisons (kind, table, object), for classification
 * @param changes  the changes that would fix it (the database toward the model)
 * @param origin   where it came from, or {@code null} when no changelogs tell
 */
public record Finding(FindingKind kind, QualifiedName table, String column, String object, String problem,
                      String database, String model, Source source, String key, List<Change> changes, Origin origin) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(key, "key");
        changes = List.copyOf(changes);
    }

    public Finding withOrigin(Origin newOrigin) {
        return new Finding(kind, table, column, object, problem, database, model, source, key, changes, newOrigin);
    }

    /** What the finding is grouped under: its table, else the schema or sequence itself. */
    public String group() {
        return table != null ? table.toString() : object;
    }

    /** The one line people read: {@code Order.java:42 field symbol → column market_data.orders.symbol: …}. */
    public String line() {
        return (source != null ? source.describe() + " → " : "") + object + ": " + problem;
    }
}
