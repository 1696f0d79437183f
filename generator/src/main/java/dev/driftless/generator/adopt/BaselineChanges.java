package dev.driftless.generator.adopt;

import dev.driftless.model.DiffOptions;
import dev.driftless.model.Schema;
import dev.driftless.model.SchemaDiff;
import dev.driftless.model.SchemaDiffer;
import java.util.List;
import java.util.Set;

/**
 * The changes that build an adopted database from a new, empty one: the diff of what every new database already
 * has against the database as it is. A new PostgreSQL database already has the schema {@code public} (from
 * {@code template1}), so a baseline that created it would fail on every fresh database at its first changeset.
 */
public final class BaselineChanges {

    /** Schemas every database created from PostgreSQL's default template has. */
    public static final Set<String> DEFAULT_SCHEMAS = Set.of("public");

    private BaselineChanges() {
    }

    /** What an empty database created from the default template holds, of what {@code actual} has. */
    public static Schema newDatabase(Schema actual) {
        List<String> present = actual.namespaces().stream().filter(DEFAULT_SCHEMAS::contains).toList();
        return new Schema(present, List.of(), List.of());
    }

    /** The changes from a new database to {@code actual}, nothing dropped. */
    public static SchemaDiff of(Schema actual) {
        return new SchemaDiffer(new DiffOptions(false)).diff(newDatabase(actual), actual);
    }
}
