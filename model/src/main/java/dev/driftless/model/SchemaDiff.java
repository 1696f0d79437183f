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
 */
public record SchemaDiff(List<Change> changes, List<QualifiedName> unmappedTables, List<QualifiedName> unmappedSequences,
                         List<QualifiedName> unmappedEnumTypes, List<QualifiedName> ignoredTables) {

    public SchemaDiff {
        changes = List.copyOf(changes);
        unmappedTables = List.copyOf(unmappedTables);
        unmappedSequences = List.copyOf(unmappedSequences);
        unmappedEnumTypes = List.copyOf(unmappedEnumTypes);
        ignoredTables = List.copyOf(ignoredTables);
    }

    public SchemaDiff(List<Change> changes, List<QualifiedName> unmappedTables, List<QualifiedName> unmappedSequences) {
        this(changes, unmappedTables, unmappedSequences, List.of(), List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
