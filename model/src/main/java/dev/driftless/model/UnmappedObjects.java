package dev.driftless.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one table both sides have, which of the differ's drops of indexes, constraints and columns really
 * happen. The model owns what it declares; what only the database has (a unique index another tool created, a check a
 * DBA added) may hold a rule the data relies on, so it is kept and reported unless the user asks for it to go, and
 * never dropped when an ignore rule names it.
 *
 * <p>A unique constraint and a non-partial unique btree index on exactly the same columns enforce the same thing:
 * either satisfies the other, so neither is dropped nor added for it.
 */
final class UnmappedObjects {

    private final DiffOptions options;
    private final Table actual;
    private final Table desired;

    UnmappedObjects(DiffOptions options, Table actual, Table desired) {
        this.options = options;
        this.actual = actual;
        this.desired = desired;
    }

    /** The changes that stay; what is kept instead of dropped goes to {@code kept}. */
    List<Change> keepOrDrop(List<Change> found, List<KeptObject> kept) {
        List<Change> changes = new ArrayList<>(found);
        satisfyUniquesByIndexes(changes);
        List<Change> result = new ArrayList<>();
        for (Change change : changes) {
            Optional<KeptObject> keep = keep(change);
            if (keep.isPresent()) {
                kept.add(keep.get());
            } else {
                result.add(change);
            }
        }
        return result;
    }

    /** A unique constraint to add that an existing unique index enforces (or the other way round) is no change. */
    private static void satisfyUniquesByIndexes(List<Change> changes) {
        for (Change change : List.copyOf(changes)) {
            if (change instanceof Change.AddUniqueConstraint add) {
                changes.stream().filter(c -> c instanceof Change.DropIndex drop && enforces(drop.index(), add.constraint().columns()))
                        .findFirst().ifPresent(drop -> {
                            changes.remove(drop);
                            changes.remove(add);
                        });
            } else if (change instanceof Change.CreateIndex create && uniqueOnColumns(create.index()) != null) {
                changes.stream().filter(c -> c instanceof Change.DropUniqueConstraint drop
                                && drop.constraint().columns().equals(uniqueOnColumns(create.index())))
                        .findFirst().ifPresent(drop -> {
                            changes.remove(drop);
                            changes.remove(create);
                        });
            }
        }
    }

    private static boolean enforces(Index index, List<String> columns) {
        return columns.equals(uniqueOnColumns(index));
    }

    /** The plain columns of a non-partial unique btree index, or {@code null} for any other index. */
    private static List<String> uniqueOnColumns(Index index) {
        if (!index.unique() || !index.method().equals("btree") || index.predicate() != null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (String key : index.keys()) {
            String name = key.startsWith("\"") && key.endsWith("\"") && key.length() > 1
                    ? key.substring(1, key.length() - 1).replace("\"\"", "\"") : key;
            if (!key.startsWith("\"") && !key.matches("[a-z_][a-z0-9_$]*")) {
                return null; // an expression, an ordering or an operator class: not a plain column
            }
            columns.add(name);
        }
        return columns;
    }

    private Optional<KeptObject> keep(Change change) {
        QualifiedName table = actual.name();
        if (change instanceof Change.DropColumn drop) {
            return options.ignoresColumn(table, drop.column().name())
                    ? Optional.of(new KeptObject("column", table, drop.column().name(), KeptObject.IGNORED)) : Optional.empty();
        }
        String kind;
        String name;
        boolean drops;
        if (change instanceof Change.DropIndex drop) {
            kind = "index";
            name = drop.index().name();
            drops = options.dropsIndexes();
        } else if (change instanceof Change.DropUniqueConstraint drop) {
            kind = "unique constraint";
            name = drop.constraint().name();
            drops = options.dropsConstraints();
        } else if (change instanceof Change.DropCheckConstraint drop) {
            kind = "check constraint";
            name = drop.constraint().name();
            drops = options.dropsConstraints();
        } else if (change instanceof Change.DropExclusionConstraint drop) {
            kind = "exclusion constraint";
            name = drop.constraint().name();
            drops = options.dropsConstraints();
        } else if (change instanceof Change.DropForeignKey drop) {
            kind = "foreign key";
            name = drop.key().name();
            drops = options.dropsConstraints();
        } else {
            return Optional.empty();
        }
        if (options.ignores(new QualifiedName(table.schema(), name))) {
            return Optional.of(new KeptObject(kind, table, name, KeptObject.IGNORED));
        }
        if (drops || declared(name) || replacedByModel(change)) {
            return Optional.empty();
        }
        return Optional.of(new KeptObject(kind, table, name, KeptObject.UNMAPPED));
    }

    /**
     * The model declares an object on the same columns (a foreign key to the same table, a unique key, an index on the
     * same keys) under another name: the database's one is the model's own, with a definition being replaced.
     */
    private boolean replacedByModel(Change change) {
        if (change instanceof Change.DropForeignKey drop) {
            return desired.foreignKeys().stream().anyMatch(f -> f.columns().equals(drop.key().columns())
                    && f.referencedTable().equals(drop.key().referencedTable()));
        }
        if (change instanceof Change.DropUniqueConstraint drop) {
            return desired.uniqueConstraints().stream().anyMatch(u -> u.columns().equals(drop.constraint().columns()));
        }
        if (change instanceof Change.DropIndex drop) {
            return desired.indexes().stream().anyMatch(i -> i.keys().equals(drop.index().keys()));
        }
        return false;
    }

    /** The model declares an object of this name on the table: the old definition is its own, being replaced. */
    private boolean declared(String name) {
        return desired.indexes().stream().anyMatch(i -> i.name().equals(name))
                || desired.uniqueConstraints().stream().anyMatch(u -> u.name().equals(name))
                || desired.checks().stream().anyMatch(c -> c.name().equals(name))
                || desired.exclusions().stream().anyMatch(x -> x.name().equals(name))
                || desired.foreignKeys().stream().anyMatch(f -> f.name().equals(name));
    }
}
