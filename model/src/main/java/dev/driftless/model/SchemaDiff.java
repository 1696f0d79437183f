package dev.driftless.model;

import java.util.List;

/**
 * What the differ found.
 *
 * @param changes             the steps from the actual schema to the desired one, in the order to apply them
 * @param unmappedTables      tables in a schema the model uses that no entity maps; left alone unless asked to drop them
 * @param unmappedSequences   standalone sequences in such a schema that the model does not declare; left alone likewise
 * @param unmappedEnumTypes   enum types in such a schema that the model does not declare; left alone likewise
 * @param ignoredTables       tables in such a schema that an ignore rule says the model does not own; never touched
 * @param kept                indexes, constraints and columns of mapped tables that only the database has and that the
 *                            diff keeps (not in the model and not asked to drop, or named by an ignore rule)
 * @param keptProperties      properties of objects both sides have that the model cannot state and that differ
 *                            (deferrability, …): kept as the database has them, reported by validate
 * @param unmappedObjects     views, materialized views, functions, procedures and triggers the model does not have:
 *                            kept (dropped only when unmapped objects are to be dropped), reported by validate
 */
public record SchemaDiff(List<Change> changes, List<QualifiedName> unmappedTables, List<QualifiedName> unmappedSequences,
                         List<QualifiedName> unmappedEnumTypes, List<QualifiedName> ignoredTables, List<KeptObject> kept,
                         List<KeptProperty> keptProperties, List<UnownedObject> unmappedObjects) {

    public SchemaDiff(List<Change> changes, List<QualifiedName> unmappedTables, List<QualifiedName> unmappedSequences,
                      List<QualifiedName> unmappedEnumTypes, List<QualifiedName> ignoredTables, List<KeptObject> kept,
                      List<KeptProperty> keptProperties) {
        this(changes, unmappedTables, unmappedSequences, unmappedEnumTypes, ignoredTables, kept, keptProperties, List.of());
    }

    public SchemaDiff(List<Change> changes, List<QualifiedName> unmappedTables, List<QualifiedName> unmappedSequences,
                      List<QualifiedName> unmappedEnumTypes, List<QualifiedName> ignoredTables, List<KeptObject> kept) {
        this(changes, unmappedTables, unmappedSequences, unmappedEnumTypes, ignoredTables, kept, List.of());
    }

    public SchemaDiff(List<Change> changes, List<QualifiedName> unmappedTables, List<QualifiedName> unmappedSequences,
                      List<QualifiedName> unmappedEnumTypes, List<QualifiedName> ignoredTables) {
        this(changes, unmappedTables, unmappedSequences, unmappedEnumTypes, ignoredTables, List.of());
    }

    /** The same findings with other changes (after renames or conversions were worked in). */
    public SchemaDiff withChanges(List<Change> newChanges) {
        return new SchemaDiff(newChanges, unmappedTables, unmappedSequences, unmappedEnumTypes, ignoredTables, kept,
                keptProperties, unmappedObjects);
    }

    public SchemaDiff {
        changes = List.copyOf(changes);
        unmappedTables = List.copyOf(unmappedTables);
        unmappedSequences = List.copyOf(unmappedSequences);
        unmappedEnumTypes = List.copyOf(unmappedEnumTypes);
        ignoredTables = List.copyOf(ignoredTables);
        kept = List.copyOf(kept);
        keptProperties = List.copyOf(keptProperties);
        unmappedObjects = List.copyOf(unmappedObjects);
    }

    public SchemaDiff(List<Change> changes, List<QualifiedName> unmappedTables, List<QualifiedName> unmappedSequences) {
        this(changes, unmappedTables, unmappedSequences, List.of(), List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
