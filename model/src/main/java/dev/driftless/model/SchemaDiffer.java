package dev.driftless.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two schemas of one kind (both read back from PostgreSQL's catalog) and lists the changes
 * that turn {@code actual} into {@code desired}.
 *
 * <p>Keys, constraints and indexes are matched by what they do (columns, target, actions, method), not by
 * name: databases built by other tools name them differently, and a name alone is no reason to drop and
 * re-create anything. Only the schemas the model uses are compared; everything else in the database is
 * someone else's.
 */
public final class SchemaDiffer {

    private final DiffOptions options;

    public SchemaDiffer(DiffOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public SchemaDiffer() {
        this(DiffOptions.defaults());
    }

    public SchemaDiff diff(Schema actualAsRead, Schema desired) {
        Set<String> managed = Set.copyOf(desired.namespaces());
        List<Change> changes = new ArrayList<>();
        List<QualifiedName> unmappedTables = new ArrayList<>();
        List<QualifiedName> unmappedSequences = new ArrayList<>();
        List<QualifiedName> unmappedEnumTypes = new ArrayList<>();
        List<QualifiedName> ignoredTables = new ArrayList<>();
        List<KeptObject> kept = new ArrayList<>();
        List<KeptProperty> keptProperties = new ArrayList<>();
        Schema actual = withoutIgnored(actualAsRead, desired, ignoredTables);

        desired.namespaces().stream()
                .filter(ns -> !actual.namespaces().contains(ns))
                .forEach(ns -> changes.add(new Change.CreateSchema(ns)));

        diffTables(actual, desired, managed, changes, unmappedTables, kept);
        desired.tables().forEach(wanted -> actual.table(wanted.name())
                .ifPresent(existing -> keptProperties.addAll(KeptProperties.of(existing, wanted))));
        releaseReferencingForeignKeys(actual, desired, changes);
        diffSequences(actual, desired, managed, changes, unmappedSequences, keptProperties);
        keepOwnedSequences(actual, changes);
        List<UnownedObject> unmappedObjects = new ArrayList<>();
        diffUnowned(actual, desired, managed, changes, unmappedObjects);
        diffEnumTypes(actual, desired, managed, changes, unmappedEnumTypes);
        List<Change> aroundViews = new DependentViews(actual.unowned(), changes).around(changes);
        return new SchemaDiff(ChangeOrder.sort(aroundViews), unmappedTables, unmappedSequences, unmappedEnumTypes,
                ignoredTables, kept, keptProperties, unmappedObjects);
    }

    /**
     * PostgreSQL will not drop a primary key or unique constraint that a foreign key references. When one goes, every
     * foreign key that references exactly its columns and is not already being dropped is dropped first and, if the
     * model still has it, added back once the new key is in place ({@link ChangeOrder} does the rest).
     */
    private static void releaseReferencingForeignKeys(Schema actual, Schema desired, List<Change> changes) {
        List<Change> extra = new ArrayList<>();
        for (Change change : changes) {
            List<String> keyColumns = change instanceof Change.DropPrimaryKey drop ? drop.key().columns()
                    : change instanceof Change.DropUniqueConstraint drop ? drop.constraint().columns() : null;
            if (keyColumns == null) {
                continue;
            }
            for (Table table : actual.tables()) {
                for (ForeignKey fk : table.foreignKeys()) {
                    if (!fk.referencedTable().equals(change.table()) || !Set.copyOf(fk.referencedColumns()).equals(Set.copyOf(keyColumns))) {
                        continue;
                    }
                    Change dropFk = new Change.DropForeignKey(table.name(), fk);
                    if (changes.contains(dropFk) || extra.contains(dropFk)) {
                        continue;
                    }
                    extra.add(dropFk);
                    boolean kept = desired.table(table.name()).map(t -> t.foreignKeys().stream()
                            .anyMatch(d -> d.behaviour().equals(fk.behaviour()))).orElse(false);
                    if (kept) {
                        desired.table(table.name()).orElseThrow().foreignKeys().stream()
                                .filter(d -> d.behaviour().equals(fk.behaviour())).findFirst()
                                .ifPresent(d -> extra.add(new Change.AddForeignKey(table.name(), d)));
                    }
                }
            }
        }
        changes.addAll(extra);
    }

    /** The actual schema without the objects an ignore rule covers, unless the model maps them. */
    private Schema withoutIgnored(Schema actual, Schema desired, List<QualifiedName> ignoredTables) {
        if (options.ignore().isEmpty()) {
            return actual;
        }
        Set<QualifiedName> mappedTables = desired.tablesByName().keySet();
        List<Table> tables = new ArrayList<>();
        for (Table table : actual.tables()) {
            if (!mappedTables.contains(table.name()) && options.ignores(table.name())) {
                ignoredTables.add(table.name());
            } else {
                tables.add(table);
            }
        }
        Set<QualifiedName> mappedSequences = desired.sequencesByName().keySet();
        Set<QualifiedName> mappedTypes = desired.enumTypesByName().keySet();
        return new Schema(actual.namespaces(), tables,
                actual.sequences().stream().filter(s -> mappedSequences.contains(s.name()) || !options.ignores(s.name())).toList(),
                actual.enumTypes().stream().filter(t -> mappedTypes.contains(t.name()) || !options.ignores(t.name())).toList(),
                actual.unowned());
    }
    private void diffTables(Schema actual, Schema desired, Set<String> managed,
                            List<Change> changes, List<QualifiedName> unmapped, List<KeptObject> kept) {
        Map<QualifiedName, Table> actualTables = actual.tablesByName();
        Map<QualifiedName, Table> desiredTables = desired.tablesByName();

        for (Table wanted : desired.tables()) {
            Table existing = actualTables.get(wanted.name());
            if (existing == null) {
                changes.add(new Change.CreateTable(wanted));
                wanted.foreignKeys().forEach(fk -> changes.add(new Change.AddForeignKey(wanted.name(), fk)));
                wanted.indexes().forEach(ix -> changes.add(new Change.CreateIndex(wanted.name(), ix)));
            } else {
                List<Change> found = new ArrayList<>();
                diffTable(existing, wanted, found);
                changes.addAll(new UnmappedObjects(options, existing, wanted).keepOrDrop(found, kept));
            }
        }
        for (Table existing : actual.tables()) {
            if (!managed.contains(existing.name().schema()) || desiredTables.containsKey(existing.name())) {
                continue;
            }
            if (!options.dropUnmapped()) {
                unmapped.add(existing.name());
                continue;
            }
            existing.foreignKeys().forEach(fk -> changes.add(new Change.DropForeignKey(existing.name(), fk)));
            existing.indexes().forEach(ix -> changes.add(new Change.DropIndex(existing.name(), ix)));
            changes.add(new Change.DropTable(existing));
        }
    }

    private void diffTable(Table actual, Table desired, List<Change> changes) {
        QualifiedName name = desired.name();
        diffColumns(actual, desired, changes);
        if (!Objects.equals(actual.comment(), desired.comment())) {
            changes.add(new Change.SetTableComment(name, actual.comment(), desired.comment()));
        }

        if (!Objects.equals(columnsOf(actual.primaryKey()), columnsOf(desired.primaryKey()))) {
            if (actual.primaryKey() != null) {
                changes.add(new Change.DropPrimaryKey(name, actual.primaryKey()));
            }
            if (desired.primaryKey() != null) {
                changes.add(new Change.AddPrimaryKey(name, desired.primaryKey()));
            }
        }
        diffByBehaviour(actual.foreignKeys(), desired.foreignKeys(), ForeignKey::behaviour,
                fk -> new Change.DropForeignKey(name, fk), fk -> new Change.AddForeignKey(name, fk), changes);
        diffByBehaviour(actual.uniqueConstraints(), desired.uniqueConstraints(), UniqueConstraint::columns,
                uc -> new Change.DropUniqueConstraint(name, uc), uc -> new Change.AddUniqueConstraint(name, uc), changes);
        diffByBehaviour(actual.checks(), desired.checks(), CheckConstraint::expression,
                ck -> new Change.DropCheckConstraint(name, ck), ck -> new Change.AddCheckConstraint(name, ck), changes);
        diffByBehaviour(actual.exclusions(), desired.exclusions(), ExclusionConstraint::definition,
                ex -> new Change.DropExclusionConstraint(name, ex), ex -> new Change.AddExclusionConstraint(name, ex), changes);
        diffByBehaviour(actual.indexes(), desired.indexes(), Index::behaviour,
                ix -> new Change.DropIndex(name, ix), ix -> new Change.CreateIndex(name, ix), changes);
    }

    private static List<String> columnsOf(PrimaryKey key) {
        return key == null ? null : key.columns();
    }

    private void diffColumns(Table actual, Table desired, List<Change> changes) {
        QualifiedName name = desired.name();
        for (Column wanted : desired.columns()) {
            Column existing = actual.column(wanted.name()).orElse(null);
            if (existing == null) {
                changes.add(new Change.AddColumn(name, wanted));
                continue;
            }
            if (!Objects.equals(existing.comment(), wanted.comment())) {
                changes.add(new Change.SetColumnComment(name, wanted.name(), existing.comment(), wanted.comment()));
            }
            if (!TypeEquivalence.same(existing.type(), wanted.type())) {
                changes.add(new Change.AlterColumnType(name, wanted.name(), existing.type(), wanted.type(), List.of(),
                        existing.collation()));
            }
            if (existing.nullable() != wanted.nullable()) {
                changes.add(new Change.AlterColumnNullability(name, wanted.name(), wanted.nullable()));
            }
            if (!Objects.equals(existing.defaultValue(), wanted.defaultValue())) {
                changes.add(new Change.AlterColumnDefault(name, wanted.name(), existing.defaultValue(), wanted.defaultValue()));
            }
            if (existing.identity() != wanted.identity()) {
                changes.add(new Change.AlterColumnIdentity(name, wanted.name(), existing.identity(), wanted.identity()));
            }
        }
        for (Column existing : actual.columns()) {
            if (desired.column(existing.name()).isEmpty()) {
                changes.add(new Change.DropColumn(name, existing));
            }
        }
    }

    /** Objects with the same behaviour are the same object whatever their names; the rest are dropped or added. */
    private static <T> void diffByBehaviour(List<T> actual, List<T> desired, Function<T, Object> behaviour,
                                            Function<T, Change> drop, Function<T, Change> add, List<Change> changes) {
        Set<Object> actualBehaviours = actual.stream().map(behaviour).collect(Collectors.toSet());
        Set<Object> desiredBehaviours = desired.stream().map(behaviour).collect(Collectors.toSet());
        actual.stream().filter(a -> !desiredBehaviours.contains(behaviour.apply(a))).map(drop).forEach(changes::add);
        desired.stream().filter(d -> !actualBehaviours.contains(behaviour.apply(d))).map(add).forEach(changes::add);
    }

    private void diffEnumTypes(Schema actual, Schema desired, Set<String> managed,
                               List<Change> changes, List<QualifiedName> unmapped) {
        Map<QualifiedName, EnumType> actualTypes = actual.enumTypesByName();
        Map<QualifiedName, EnumType> desiredTypes = desired.enumTypesByName();
        for (EnumType wanted : desired.enumTypes()) {
            EnumType existing = actualTypes.get(wanted.name());
            if (existing == null) {
                changes.add(new Change.CreateEnumType(wanted));
            } else if (!existing.equals(wanted)) {
                changes.add(new Change.AlterEnumType(existing, wanted, usages(actual, existing.name())));
            }
        }
        for (EnumType existing : actual.enumTypes()) {
            if (!managed.contains(existing.name().schema()) || desiredTypes.containsKey(existing.name())) {
                continue;
            }
            if (options.dropUnmapped()) {
                changes.add(new Change.DropEnumType(existing));
            } else {
                unmapped.add(existing.name());
            }
        }
    }

    /**
     * The columns of {@code schema} whose type is the enum type {@code type} or an array of it. Column types are
     * compared with the type's name as the catalog prints it schema-qualified ({@code public.mood}); a type whose
     * name needs quotes is not recognised.
     */
    static List<EnumType.Usage> usages(Schema schema, QualifiedName type) {
        String printed = type.toString();
        List<EnumType.Usage> usages = new ArrayList<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                if (column.type().equals(printed) || column.type().equals(printed + "[]")) {
                    usages.add(new EnumType.Usage(table.name(), column.name(), column.type().endsWith("[]"),
                            column.defaultValue()));
                }
            }
        }
        return usages;
    }

    private void diffSequences(Schema actual, Schema desired, Set<String> managed,
                               List<Change> changes, List<QualifiedName> unmapped, List<KeptProperty> kept) {
        Map<QualifiedName, Sequence> actualSequences = actual.sequencesByName();
        Map<QualifiedName, Sequence> desiredSequences = desired.sequencesByName();
        for (Sequence wanted : desired.sequences()) {
            Sequence existing = actualSequences.get(wanted.name());
            if (existing == null) {
                changes.add(new Change.CreateSequence(wanted));
                if (wanted.ownedBy() != null) {
                    changes.add(new Change.OwnSequence(wanted.name(), wanted.ownedBy()));
                }
                continue;
            }
            if (!existing.options().equals(wanted.options())) {
                changes.add(new Change.AlterSequence(existing.options(), wanted.options()));
            }
            if (!Objects.equals(existing.ownedBy(), wanted.ownedBy())) {
                kept.add(new KeptProperty(KeptProperty.OWNED_BY, null, "sequence " + existing.name(), owner(existing),
                        owner(wanted)));
            }
        }
        for (Sequence existing : actual.sequences()) {
            if (!managed.contains(existing.name().schema()) || desiredSequences.containsKey(existing.name())) {
                continue;
            }
            if (options.dropUnmapped()) {
                changes.add(new Change.DropSequence(existing));
                if (existing.ownedBy() != null) {
                    changes.add(new Change.DisownSequence(existing.name(), existing.ownedBy()));
                }
            } else {
                unmapped.add(existing.name());
            }
        }
    }

    /**
     * Views, functions and triggers, by kind, name and definition: one the model has and the database lacks is created
     * (a baseline, a replay compared with another); one only the database has is unmapped, and dropped only when
     * unmapped objects are to be dropped.
     */
    private void diffUnowned(Schema actual, Schema desired, Set<String> managed, List<Change> changes,
                             List<UnownedObject> unmapped) {
        Function<UnownedObject, Object> identity = o -> List.of(o.kind(), o.name(), o.definition());
        Set<Object> actualObjects = actual.unowned().stream().map(identity).collect(Collectors.toSet());
        Set<Object> desiredObjects = desired.unowned().stream().map(identity).collect(Collectors.toSet());
        desired.unowned().stream().filter(o -> !actualObjects.contains(identity.apply(o)))
                .forEach(o -> changes.add(new Change.CreateUnowned(o)));
        for (UnownedObject existing : actual.unowned()) {
            if (!managed.contains(existing.name().schema()) || desiredObjects.contains(identity.apply(existing))
                    || options.ignores(existing.name())) {
                continue;
            }
            if (options.dropUnmapped()) {
                changes.add(new Change.DropUnowned(existing));
            } else {
                unmapped.add(existing);
            }
        }
    }

    private static String owner(Sequence sequence) {
        return sequence.ownedBy() == null ? "OWNED BY NONE" : "OWNED BY " + sequence.ownedBy();
    }

    /**
     * A sequence that stays, owned by a column or table being dropped, would be dropped with it (and not come back with
     * the rollback): its owner lets go of it first, and the rollback makes the owner take it back.
     */
    private static void keepOwnedSequences(Schema actual, List<Change> changes) {
        List<Change> extra = new ArrayList<>();
        for (Sequence sequence : actual.sequences()) {
            SequenceOwner owner = sequence.ownedBy();
            Change disown = owner == null ? null : new Change.DisownSequence(sequence.name(), owner);
            if (disown == null || changes.contains(disown)) {
                continue;
            }
            boolean ownerGoes = changes.stream().anyMatch(c -> c instanceof Change.DropTable dropTable
                    && dropTable.table().equals(owner.table())
                    || c instanceof Change.DropColumn dropColumn && dropColumn.table().equals(owner.table())
                    && dropColumn.column().name().equals(owner.column()));
            if (ownerGoes) {
                extra.add(disown);
            }
        }
        changes.addAll(extra);
    }
}
