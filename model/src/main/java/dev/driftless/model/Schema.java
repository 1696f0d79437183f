package dev.driftless.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole database structure driftless cares about: the PostgreSQL schemas (namespaces) in use,
 * their tables, their standalone sequences, their enum types and the views, triggers and functions no entity maps. Lists are kept sorted so that equal schemas are
 * equal records.
 */
public record Schema(List<String> namespaces, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes,
                     List<UnownedObject> unowned) implements Serializable {

    public Schema {
        namespaces = namespaces.stream().distinct().sorted().toList();
        tables = tables.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        sequences = sequences.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        enumTypes = enumTypes.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        unowned = unowned.stream().sorted(java.util.Comparator.comparingInt(UnownedObject::position)).toList();
    }

    /** A schema without views, triggers or functions. */
    public Schema(List<String> namespaces, List<Table> tables, List<Sequence> sequences, List<EnumType> enumTypes) {
        this(namespaces, tables, sequences, enumTypes, List.of());
    }

    /** A schema without enum types. */
    public Schema(List<String> namespaces, List<Table> tables, List<Sequence> sequences) {
        this(namespaces, tables, sequences, List.of());
    }

    public static Schema empty() {
        return new Schema(List.of(), List.of(), List.of());
    }

    public Optional<Table> table(QualifiedName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Map<QualifiedName, Table> tablesByName() {
        return tables.stream().collect(Collectors.toMap(Table::name, Function.identity()));
    }

    public Map<QualifiedName, Sequence> sequencesByName() {
        return sequences.stream().collect(Collectors.toMap(Sequence::name, Function.identity()));
    }

    public Map<QualifiedName, EnumType> enumTypesByName() {
        return enumTypes.stream().collect(Collectors.toMap(EnumType::name, Function.identity()));
    }

    public Schema withTables(List<Table> newTables) {
        return new Schema(namespaces, newTables, sequences, enumTypes, unowned);
    }

    public Schema withSequences(List<Sequence> newSequences) {
        return new Schema(namespaces, tables, newSequences, enumTypes, unowned);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && sequences.isEmpty() && enumTypes.isEmpty() && unowned.isEmpty();
    }
}
