package dev.driftless.generator.findings;

import dev.driftless.generator.entity.EntityMapping;
import dev.driftless.generator.source.SourceIndex;
import dev.driftless.model.Change;
import dev.driftless.model.ForeignKey;
import dev.driftless.model.Index;
import dev.driftless.model.KeptProperty;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.SchemaDiff;
import dev.driftless.model.Sequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the differ's result into findings: a finding is a function of a change (or of a drop and an add of the
 * same object, which are one difference to people) and of the model's mapping back to classes and fields.
 *
 * <p>Read {@code diff} as "database → model": an added column is missing in the database, a dropped one exists
 * only there. Foreign keys and indexes of a table that is missing as a whole are part of that one finding.
 */
public final class Findings {

    /** The kind of finding each change makes; every change type must have one (a test holds us to it). */
    static final Map<Class<? extends Change>, FindingKind> KINDS = Map.ofEntries(
            Map.entry(Change.CreateSchema.class, FindingKind.SCHEMA),
            Map.entry(Change.DropSchema.class, FindingKind.SCHEMA),
            Map.entry(Change.CreateTable.class, FindingKind.MISSING_TABLE),
            Map.entry(Change.DropTable.class, FindingKind.UNMAPPED_TABLE),
            Map.entry(Change.AddColumn.class, FindingKind.MISSING_COLUMN),
            Map.entry(Change.DropColumn.class, FindingKind.UNMAPPED_COLUMN),
            Map.entry(Change.AlterColumnType.class, FindingKind.TYPE),
            Map.entry(Change.AlterColumnNullability.class, FindingKind.NULLABILITY),
            Map.entry(Change.AlterColumnDefault.class, FindingKind.DEFAULT),
            Map.entry(Change.AlterColumnIdentity.class, FindingKind.IDENTITY),
            Map.entry(Change.AddPrimaryKey.class, FindingKind.PRIMARY_KEY),
            Map.entry(Change.DropPrimaryKey.class, FindingKind.PRIMARY_KEY),
            Map.entry(Change.AddForeignKey.class, FindingKind.FOREIGN_KEY),
            Map.entry(Change.DropForeignKey.class, FindingKind.FOREIGN_KEY),
            Map.entry(Change.AddUniqueConstraint.class, FindingKind.UNIQUE),
            Map.entry(Change.DropUniqueConstraint.class, FindingKind.UNIQUE),
            Map.entry(Change.AddCheckConstraint.class, FindingKind.CHECK),
            Map.entry(Change.DropCheckConstraint.class, FindingKind.CHECK),
            Map.entry(Change.AddExclusionConstraint.class, FindingKind.EXCLUSION),
            Map.entry(Change.DropExclusionConstraint.class, FindingKind.EXCLUSION),
            Map.entry(Change.CreateIndex.class, FindingKind.INDEX),
            Map.entry(Change.DropIndex.class, FindingKind.INDEX),
            Map.entry(Change.CreateSequence.class, FindingKind.SEQUENCE),
            Map.entry(Change.DropSequence.class, FindingKind.SEQUENCE),
            Map.entry(Change.AlterSequence.class, FindingKind.SEQUENCE),
            Map.entry(Change.OwnSequence.class, FindingKind.OWNED_BY),
            Map.entry(Change.CreateUnowned.class, FindingKind.UNMAPPED_OBJECT),
            Map.entry(Change.DropUnowned.class, FindingKind.UNMAPPED_OBJECT),
            Map.entry(Change.DisownSequence.class, FindingKind.OWNED_BY),
            Map.entry(Change.RenameTable.class, FindingKind.RENAME),
            Map.entry(Change.RenameColumn.class, FindingKind.RENAME),
            Map.entry(Change.CreateEnumType.class, FindingKind.ENUM),
            Map.entry(Change.DropEnumType.class, FindingKind.ENUM),
            Map.entry(Change.AlterEnumType.class, FindingKind.ENUM),
            Map.entry(Change.SetTableComment.class, FindingKind.COMMENT),
            Map.entry(Change.SetColumnComment.class, FindingKind.COMMENT));

    private static final String MISSING = "missing in the database";
    private static final String UNMAPPED = "in the database, but not in the model";

    private final EntityMapping mapping;
    private final SourceIndex sources;

    public Findings(EntityMapping mapping, SourceIndex sources) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    public static FindingKind kindOf(Change change) {
        FindingKind kind = KINDS.get(change.getClass());
        if (kind == null) {
            throw new IllegalStateException("no finding kind for " + change.getClass().getSimpleName());
        }
        return kind;
    }

    /** Every difference in {@code diff} (database → model), once, sorted by group, then kind, then object. */
    public List<Finding> of(SchemaDiff diff) {
        List<Change> changes = diff.changes();
        Set<QualifiedName> missingTables = changes.stream().filter(c -> c instanceof Change.CreateTable)
                .map(Change::table).collect(Collectors.toSet());
        // A drop and an add of the same thing (same key columns, another ON DELETE) are one difference.
        Map<String, List<Change>> bySubject = new LinkedHashMap<>();
        for (Change change : changes) {
            if (missingTables.contains(change.table()) && !(change instanceof Change.CreateTable)) {
                continue;
            }
            bySubject.computeIfAbsent(subjectKey(change), k -> new ArrayList<>()).add(change);
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<Change>> entry : bySubject.entrySet()) {
            findings.add(finding(entry.getKey(), entry.getValue()));
        }
        diff.unmappedTables().forEach(t -> findings.add(new Finding(FindingKind.UNMAPPED_TABLE, t, null, "table " + t,
                "in the database, but no entity maps it", "table", null, null,
                FindingKind.UNMAPPED_TABLE.id() + ":" + t, List.of(), null)));
        diff.unmappedSequences().forEach(s -> findings.add(new Finding(FindingKind.SEQUENCE, null, null, "sequence " + s,
                "in the database, but not in the model", "sequence", null, null,
                FindingKind.SEQUENCE.id() + ":" + s, List.of(), null)));
        diff.keptProperties().forEach(p -> findings.add(kept(p)));
        diff.unmappedObjects().forEach(o -> findings.add(unmapped(o, FindingKind.UNMAPPED_OBJECT.id() + ":" + o.table() + ":"
                + o.describe() + ":" + o.definition().hashCode(), List.of())));
        return findings.stream().sorted(ORDER).toList();
    }

    /**
     * A property the model cannot state that the changelogs state ({@code stated}, a finding between the replayed
     * changelogs and the model) but the database does not have: it agrees with the model, so only the changelogs tell.
     */
    public static Finding notAsStated(Finding stated) {
        String now = stated.model() == null ? "missing" : "is " + stated.model();
        return new Finding(stated.kind(), stated.table(), stated.column(), stated.object(), now
                + " in the database, the changelogs say " + stated.database() + " (changed by hand?)", stated.model(),
                stated.database(), stated.source(), stated.key() + ":not-as-stated", List.of(), Origin.CHANGED_BY_HAND);
    }

    /** A view, function or trigger no entity maps; its definition is its state in the database. */
    private static Finding unmapped(dev.driftless.model.UnownedObject object, String key, List<Change> changes) {
        return new Finding(FindingKind.UNMAPPED_OBJECT, object.table(), null, object.describe(),
                "in the database, but no entity maps it (kept; uses " + (object.dependsOn().isEmpty() ? "no table"
                        : String.join(", ", object.dependsOn())) + ")", object.definition(), null, null, key, changes, null);
    }

    /** A property the model cannot state, kept as the database has it. */
    private Finding kept(KeptProperty property) {
        FindingKind kind = FindingKind.parse(property.kind())
                .orElseThrow(() -> new IllegalStateException("no finding kind " + property.kind()));
        return new Finding(kind, property.table(), null, property.object(), "is " + property.database()
                + " in the database, the model says " + property.model() + " (JPA cannot state it; diff keeps it)",
                property.database(), property.model(), property.table() == null ? null : tableSource(property.table()),
                kind.id() + ":" + property.table() + ":" + property.object() + ":" + property.database(), List.of(), null);
    }

    /**
     * A sequence whose next ids are ids its table already holds: the application's next insert takes one of them and
     * fails (or, without a key, duplicates it). The model and the structure agree; only the data shows it.
     *
     * @param lowestNext the lowest id the application gets from the sequence's next value
     * @param largestId  the largest id in the column
     */
    public Finding sequenceBehind(QualifiedName sequence, QualifiedName table, String column, long lowestNext,
                                  long largestId, int increment) {
        return new Finding(FindingKind.SEQUENCE, table, column, "sequence " + sequence,
                "its next ids start at " + lowestNext + ", but " + table + "." + column + " already holds ids up to "
                        + largestId + ": the application's next insert takes an existing id; move it past them with"
                        + " SELECT setval('" + sequence + "', " + largestId + " + " + increment + ", false)",
                "next id " + lowestNext, "above " + largestId, columnSource(table, column),
                FindingKind.SEQUENCE.id() + ":behind:" + sequence + ":" + table + "." + column, List.of(), null);
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::group)
            .thenComparing(Finding::kind).thenComparing(Finding::object);

    /** What a change is about, without the direction: a drop and an add with the same subject pair up. */
    private static String subjectKey(Change change) {
        FindingKind kind = kindOf(change);
        String table = String.valueOf(change.table());
        String subject;
        if (change instanceof Change.AddPrimaryKey || change instanceof Change.DropPrimaryKey) {
            subject = "pk";
        } else if (change instanceof Change.AddForeignKey add) {
            subject = add.key().columns().toString();
        } else if (change instanceof Change.DropForeignKey drop) {
            subject = drop.key().columns().toString();
        } else if (change instanceof Change.AddUniqueConstraint add) {
            subject = add.constraint().columns().toString();
        } else if (change instanceof Change.DropUniqueConstraint drop) {
            subject = drop.constraint().columns().toString();
        } else if (change instanceof Change.AddCheckConstraint add) {
            subject = add.constraint().name();
        } else if (change instanceof Change.DropCheckConstraint drop) {
            subject = drop.constraint().name();
        } else if (change instanceof Change.AddExclusionConstraint add) {
            subject = add.constraint().definition();
        } else if (change instanceof Change.DropExclusionConstraint drop) {
            subject = drop.constraint().definition();
        } else if (change instanceof Change.CreateIndex add) {
            subject = add.index().keys().toString();
        } else if (change instanceof Change.DropIndex drop) {
            subject = drop.index().keys().toString();
        } else if (change instanceof Change.CreateSchema s) {
            subject = s.name();
        } else if (change instanceof Change.DropSchema s) {
            subject = s.name();
        } else if (change instanceof Change.CreateSequence s) {
            subject = s.sequence().name().toString();
        } else if (change instanceof Change.DropSequence s) {
            subject = s.sequence().name().toString();
        } else if (change instanceof Change.AlterSequence s) {
            subject = s.to().name().toString();
        } else if (change instanceof Change.CreateUnowned u) {
            subject = u.object().describe() + ":" + u.object().definition().hashCode();
        } else if (change instanceof Change.DropUnowned u) {
            subject = u.object().describe() + ":" + u.object().definition().hashCode();
        } else if (change instanceof Change.OwnSequence s) {
            subject = s.sequence().toString();
        } else if (change instanceof Change.DisownSequence s) {
            subject = s.sequence().toString();
        } else if (change instanceof Change.CreateTable || change instanceof Change.DropTable) {
            subject = "";
        } else if (change instanceof Change.RenameTable r) {
            subject = r.from().toString();
        } else if (change instanceof Change.RenameColumn r) {
            subject = r.from();
        } else if (change instanceof Change.CreateEnumType e) {
            subject = e.type().name().toString();
        } else if (change instanceof Change.DropEnumType e) {
            subject = e.type().name().toString();
        } else if (change instanceof Change.AlterEnumType e) {
            subject = e.to().name().toString();
        } else if (change instanceof Change.SetTableComment) {
            subject = "";
        } else if (change instanceof Change.SetColumnComment c) {
            subject = c.column();
        } else {
            subject = columnOf(change);
        }
        return kind.id() + ":" + table + ":" + subject;
    }

    private Finding finding(String key, List<Change> changes) {
        Change first = changes.get(0);
        FindingKind kind = kindOf(first);
        QualifiedName table = first.table();
        if (changes.size() > 1) {
            return paired(key, kind, table, changes);
        }
        Change c = first;
        if (c instanceof Change.CreateSchema s) {
            return new Finding(kind, null, null, "schema " + s.name(), MISSING, null, "schema", null, key, changes, null);
        }
        if (c instanceof Change.DropSchema s) {
            return new Finding(kind, null, null, "schema " + s.name(), UNMAPPED, "schema", null, null, key, changes, null);
        }
        if (c instanceof Change.CreateTable) {
            return new Finding(kind, table, null, "table " + table, MISSING, null, "table", tableSource(table), key, changes, null);
        }
        if (c instanceof Change.DropTable) {
            return new Finding(kind, table, null, "table " + table, "in the database, but no entity maps it", "table", null,
                    null, key, changes, null);
        }
        if (c instanceof Change.AddColumn add) {
            return column(kind, table, add.column().name(), MISSING, null, add.column().type(), key, changes);
        }
        if (c instanceof Change.DropColumn drop) {
            return column(kind, table, drop.column().name(), "in the database, but no field maps it", drop.column().type(),
                    null, key, changes);
        }
        if (c instanceof Change.AlterColumnType t) {
            return column(kind, table, t.column(), "type is " + t.fromType() + " in the database, the model says " + t.toType(),
                    t.fromType(), t.toType(), key, changes);
        }
        if (c instanceof Change.AlterColumnNullability n) {
            String database = n.nullable() ? "NOT NULL" : "NULL";
            String model = n.nullable() ? "NULL" : "NOT NULL";
            return column(kind, table, n.column(), database + " in the database, the model says " + model, database, model,
                    key, changes);
        }
        if (c instanceof Change.AlterColumnDefault d) {
            return column(kind, table, d.column(), "default is " + orNone(d.fromDefault()) + " in the database, the model says "
                    + orNone(d.toDefault()), d.fromDefault(), d.toDefault(), key, changes);
        }
        if (c instanceof Change.AlterColumnIdentity i) {
            return column(kind, table, i.column(), "identity is " + identity(i.from()) + " in the database, the model says "
                    + identity(i.to()), identity(i.from()), identity(i.to()), key, changes);
        }
        if (c instanceof Change.AddPrimaryKey add) {
            return keyed(kind, table, "primary key " + table + add.key().columns(), MISSING, null, add.key().columns().toString(),
                    add.key().columns(), key, changes);
        }
        if (c instanceof Change.DropPrimaryKey drop) {
            return keyed(kind, table, "primary key " + drop.key().name(), UNMAPPED, drop.key().columns().toString(), null,
                    drop.key().columns(), key, changes);
        }
        if (c instanceof Change.AddForeignKey add) {
            return keyed(kind, table, "foreign key " + foreignKey(table, add.key()), MISSING, null, behaviour(add.key()),
                    add.key().columns(), key, changes);
        }
        if (c instanceof Change.DropForeignKey drop) {
            return keyed(kind, table, "foreign key " + drop.key().name() + " " + foreignKey(table, drop.key()), UNMAPPED,
                    behaviour(drop.key()), null, drop.key().columns(), key, changes);
        }
        if (c instanceof Change.AddUniqueConstraint add) {
            return keyed(kind, table, "unique constraint " + table + add.constraint().columns(), MISSING, null,
                    "UNIQUE " + add.constraint().columns(), add.constraint().columns(), key, changes);
        }
        if (c instanceof Change.DropUniqueConstraint drop) {
            return keyed(kind, table, "unique constraint " + drop.constraint().name() + " " + table + drop.constraint().columns(),
                    UNMAPPED, "UNIQUE " + drop.constraint().columns(), null, drop.constraint().columns(), key, changes);
        }
        if (c instanceof Change.AddCheckConstraint add) {
            return keyed(kind, table, "check constraint on " + table + " " + add.constraint().expression(), MISSING, null,
                    add.constraint().expression(), columnsIn(table, add.constraint().expression()), key, changes);
        }
        if (c instanceof Change.DropCheckConstraint drop) {
            return keyed(kind, table, "check constraint " + drop.constraint().name() + " " + drop.constraint().expression(),
                    UNMAPPED, drop.constraint().expression(), null, columnsIn(table, drop.constraint().expression()), key, changes);
        }
        if (c instanceof Change.AddExclusionConstraint add) {
            return new Finding(kind, table, null, "exclusion constraint " + add.constraint().name() + " " + add.constraint().definition(),
                    MISSING, null, add.constraint().definition(), tableSource(table), key, changes, null);
        }
        if (c instanceof Change.DropExclusionConstraint drop) {
            return new Finding(kind, table, null, "exclusion constraint " + drop.constraint().name() + " "
                    + drop.constraint().definition(), UNMAPPED + " (JPA cannot declare it)", drop.constraint().definition(), null,
                    tableSource(table), key, changes, null);
        }
        if (c instanceof Change.CreateIndex add) {
            return new Finding(kind, table, null, "index on " + table + " " + index(add.index()), MISSING, null,
                    index(add.index()), tableSource(table), key, changes, null);
        }
        if (c instanceof Change.DropIndex drop) {
            return new Finding(kind, table, null, "index " + drop.index().name() + " on " + table + " " + index(drop.index()),
                    UNMAPPED, index(drop.index()), null, tableSource(table), key, changes, null);
        }
        if (c instanceof Change.CreateSequence s) {
            return new Finding(kind, null, null, "sequence " + s.sequence().name(), MISSING, null, sequence(s.sequence()),
                    sequenceSource(s.sequence().name()), key, changes, null);
        }
        if (c instanceof Change.DropSequence s) {
            return new Finding(kind, null, null, "sequence " + s.sequence().name(), UNMAPPED, sequence(s.sequence()), null,
                    sequenceSource(s.sequence().name()), key, changes, null);
        }
        if (c instanceof Change.AlterSequence s) {
            return new Finding(kind, null, null, "sequence " + s.to().name(), sequenceDifference(s.from(), s.to()),
                    sequence(s.from()), sequence(s.to()), sequenceSource(s.to().name()), key, changes, null);
        }
        if (c instanceof Change.CreateUnowned u) {
            return new Finding(kind, u.object().table(), null, u.object().describe(), MISSING, null, u.object().definition(),
                    null, key, changes, null);
        }
        if (c instanceof Change.DropUnowned u) {
            return unmapped(u.object(), key, changes);
        }
        if (c instanceof Change.OwnSequence s) {
            return new Finding(kind, table, null, "sequence " + s.sequence(), "is OWNED BY NONE in the database, the model says"
                    + " OWNED BY " + s.owner(), "OWNED BY NONE", "OWNED BY " + s.owner(), tableSource(table), key, changes, null);
        }
        if (c instanceof Change.DisownSequence s) {
            return new Finding(kind, table, null, "sequence " + s.sequence(), "is OWNED BY " + s.owner()
                    + " in the database, the model says OWNED BY NONE", "OWNED BY " + s.owner(), "OWNED BY NONE",
                    tableSource(table), key, changes, null);
        }
        if (c instanceof Change.RenameTable r) {
            return new Finding(kind, r.to(), null, "table " + r.from(), "named " + r.from() + " in the database, the model says "
                    + r.to(), r.from().toString(), r.to().toString(), tableSource(r.to()), key, changes, null);
        }
        if (c instanceof Change.RenameColumn r) {
            return column(kind, table, r.to(), "named " + r.from() + " in the database, the model says " + r.to(), r.from(),
                    r.to(), key, changes);
        }
        if (c instanceof Change.CreateEnumType e) {
            return new Finding(kind, null, null, "enum type " + e.type().name(), MISSING, null, e.type().values().toString(),
                    null, key, changes, null);
        }
        if (c instanceof Change.DropEnumType e) {
            return new Finding(kind, null, null, "enum type " + e.type().name(), "in the database, but not in the model",
                    e.type().values().toString(), null, null, key, changes, null);
        }
        if (c instanceof Change.AlterEnumType e) {
            return new Finding(kind, null, null, "enum type " + e.to().name(), "values are " + e.from().values()
                    + " in the database, the model says " + e.to().values(), e.from().values().toString(),
                    e.to().values().toString(), null, key, changes, null);
        }
        if (c instanceof Change.SetTableComment t) {
            return new Finding(kind, table, null, "comment on table " + table, "is " + orNone(t.from())
                    + " in the database, the model says " + orNone(t.to()), t.from(), t.to(), tableSource(table), key, changes, null);
        }
        if (c instanceof Change.SetColumnComment t) {
            return column(kind, table, t.column(), "comment is " + orNone(t.from()) + " in the database, the model says "
                    + orNone(t.to()), t.from(), t.to(), key, changes);
        }
        throw new IllegalStateException("no finding for " + c.getClass().getSimpleName());
    }

    /** A drop and an add of the same subject: the object exists on both sides, but differs. */
    private Finding paired(String key, FindingKind kind, QualifiedName table, List<Change> changes) {
        Change drop = changes.stream().filter(c -> c.getClass().getSimpleName().startsWith("Drop")).findFirst().orElse(changes.get(0));
        Change add = changes.stream().filter(c -> c != drop).findFirst().orElseThrow();
        Finding was = finding(key, List.of(drop));
        Finding wants = finding(key, List.of(add));
        String object = was.object();
        return new Finding(kind, table, null, object, "is " + was.database() + " in the database, the model says " + wants.model(),
                was.database(), wants.model(), wants.source() != null ? wants.source() : was.source(), key, changes, null);
    }

    private Finding column(FindingKind kind, QualifiedName table, String column, String problem, String database, String model,
                           String key, List<Change> changes) {
        return new Finding(kind, table, column, "column " + table + "." + column, problem, database, model,
                columnSource(table, column), key, changes, null);
    }

    private Finding keyed(FindingKind kind, QualifiedName table, String object, String problem, String database, String model,
                          List<String> columns, String key, List<Change> changes) {
        Source source = columns.size() == 1 ? columnSource(table, columns.get(0)) : tableSource(table);
        return new Finding(kind, table, null, object, problem, database, model, source, key, changes, null);
    }

    private Source columnSource(QualifiedName table, String column) {
        Optional<EntityMapping.ColumnOwner> owner = mapping.column(table, column);
        if (owner.isEmpty()) {
            return tableSource(table);
        }
        String className = owner.get().className();
        String field = owner.get().field();
        return new Source(className, field, field == null ? sources.classLocation(className).orElse(null)
                : sources.fieldLocation(className, field).or(() -> sources.classLocation(className)).orElse(null));
    }

    private Source tableSource(QualifiedName table) {
        return mapping.table(table).map(owner -> owner.field() == null
                ? new Source(owner.className(), null, sources.classLocation(owner.className()).orElse(null))
                : new Source(owner.className(), owner.field(), sources.fieldLocation(owner.className(), owner.field()).orElse(null)))
                .orElse(null);
    }

    /** The {@code @SequenceGenerator} that names it, else the entity whose table is {@code <name>_seq} (Hibernate's default). */
    private Source sequenceSource(QualifiedName sequence) {
        Optional<String> owner = sources.sequenceOwner(sequence.name());
        if (owner.isPresent()) {
            String[] parts = owner.get().split("#", 2);
            String field = parts.length > 1 ? parts[1] : null;
            return new Source(parts[0], field, (field != null ? sources.fieldLocation(parts[0], field)
                    : sources.classLocation(parts[0])).orElse(null));
        }
        String base = sequence.name().toLowerCase(Locale.ROOT).replaceAll("_seq$", "");
        return mapping.tables().stream()
                .filter(t -> t.field() == null && (t.table().name().equals(base)
                        || simpleName(t.className()).toLowerCase(Locale.ROOT).equals(base)))
                .findFirst()
                .map(t -> new Source(t.className(), null, sources.classLocation(t.className()).orElse(null)))
                .orElse(null);
    }

    private List<String> columnsIn(QualifiedName table, String expression) {
        return mapping.columns().stream().filter(c -> c.table().equals(table))
                .map(EntityMapping.ColumnOwner::column)
                .filter(column -> expression.matches("(?s).*\\b" + java.util.regex.Pattern.quote(column) + "\\b.*"))
                .toList();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String columnOf(Change change) {
        if (change instanceof Change.AddColumn a) {
            return a.column().name();
        }
        if (change instanceof Change.DropColumn d) {
            return d.column().name();
        }
        if (change instanceof Change.AlterColumnType t) {
            return t.column();
        }
        if (change instanceof Change.AlterColumnNullability n) {
            return n.column();
        }
        if (change instanceof Change.AlterColumnDefault d) {
            return d.column();
        }
        if (change instanceof Change.AlterColumnIdentity i) {
            return i.column();
        }
        // A change kind this class does not know yet: its own description keeps it apart from the others.
        return change.describe();
    }

    private static String foreignKey(QualifiedName table, ForeignKey key) {
        return table.toString() + key.columns() + " → " + key.referencedTable() + key.referencedColumns();
    }

    private static String behaviour(ForeignKey key) {
        return key.columns() + " → " + key.referencedTable() + key.referencedColumns() + " ON DELETE " + key.onDelete().sql()
                + " ON UPDATE " + key.onUpdate().sql();
    }

    private static String index(Index index) {
        return (index.unique() ? "UNIQUE " : "") + "USING " + index.method() + " (" + String.join(", ", index.keys()) + ")"
                + (index.include().isEmpty() ? "" : " INCLUDE (" + String.join(", ", index.include()) + ")")
                + (index.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                + (index.predicate() != null ? " WHERE " + index.predicate() : "");
    }

    private static String sequence(Sequence s) {
        return s.dataType() + " START " + s.start() + " INCREMENT " + s.increment() + " MINVALUE " + s.minValue()
                + " MAXVALUE " + s.maxValue() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : "");
    }

    private static String sequenceDifference(Sequence from, Sequence to) {
        List<String> parts = new ArrayList<>();
        difference(parts, "type", from.dataType(), to.dataType());
        difference(parts, "start", from.start(), to.start());
        difference(parts, "increment", from.increment(), to.increment());
        difference(parts, "min value", from.minValue(), to.minValue());
        difference(parts, "max value", from.maxValue(), to.maxValue());
        difference(parts, "cache", from.cache(), to.cache());
        difference(parts, "cycle", from.cycle(), to.cycle());
        return String.join("; ", parts);
    }

    private static void difference(List<String> parts, String what, Object database, Object model) {
        if (!Objects.equals(database, model)) {
            parts.add(what + " is " + database + " in the database, the model says " + model);
        }
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String identity(dev.driftless.model.Identity identity) {
        return identity == dev.driftless.model.Identity.NONE ? "none" : "generated " + identity.sql().toLowerCase(Locale.ROOT);
    }

    static Function<Finding, String> keyOf() {
        return Finding::key;
    }
}
