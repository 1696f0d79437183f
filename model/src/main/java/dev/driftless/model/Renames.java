package dev.driftless.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Renames are never a silent drop and add. This is the pure step that turns requested renames (hints, renames
 * found in the entity sources' history, probable renames the user confirmed) into {@link Change.RenameTable} and
 * {@link Change.RenameColumn} changes, and finds the drop + add pairs that look like renames nobody asked for.
 *
 * <p>A rename is resolved against both schemas before the diff: the actual schema is renamed the way PostgreSQL
 * renames it (keys, indexes, checks and foreign keys that name the column or table follow it), and then diffed
 * with the desired one. So a renamed column that also changes type gives a rename and a type change, and the
 * indexes and keys on it are left alone, as they are in the database.
 */
public final class Renames {

    private Renames() {
    }

    /** Where a requested rename comes from. Asked-for renames that do not fit are errors; found ones are ignored. */
    public enum Origin {
        /** {@code --rename} or {@code --rename-table}: given for this run, so one that is done already is a mistake too. */
        HINT(true),
        /** {@code renames:} in the configuration file: it stays there, so once the database shows it done it is a note. */
        CONFIGURED(true),
        /** A probable rename the user confirmed (at the prompt or with {@code --accept-probable-renames}). */
        CONFIRMED(true),
        /** Found by comparing the entity sources with an earlier revision. */
        HISTORY(false),
        /** Found in the two schemas: a name only in the database and one only in the model that differ in case only. */
        CASE(false);

        private final boolean asked;

        Origin(boolean asked) {
            this.asked = asked;
        }

        /** True when the user asked for it, so a rename that does not fit is their mistake to hear about. */
        public boolean asked() {
            return asked;
        }
    }

    /**
     * One requested rename. A column rename may name its table by its old (database) name or its new (entity) name.
     *
     * @param rename a {@link Change.RenameTable} or a {@link Change.RenameColumn}
     * @param why    for people: where it came from, e.g. {@code --rename} or {@code Order.java: field qty renamed to quantity}
     */
    public record Request(Change rename, Origin origin, String why) {
        public Request {
            Objects.requireNonNull(rename, "rename");
            Objects.requireNonNull(origin, "origin");
            if (!(rename instanceof Change.RenameTable) && !(rename instanceof Change.RenameColumn)) {
                throw new IllegalArgumentException("not a rename: " + rename.describe());
            }
            why = why == null ? origin.name().toLowerCase(Locale.ROOT) : why;
        }

        public static Request hint(Change rename) {
            return new Request(rename, Origin.HINT, "hint");
        }
    }

    /**
     * What the requests came to.
     *
     * @param renames        the renames to run, with the request each came from, tables first
     * @param renamedActual  the actual schema as it is after those renames: diff it with the desired one
     * @param alreadyApplied configured hints the database already shows done (old name gone, new name there)
     * @param ignored        found (not asked-for) renames that do not fit the schemas, with the reason
     * @param problems       asked-for renames that do not fit, one clear sentence each: a usage error
     */
    public record Resolution(Map<Change, Request> renames, Schema renamedActual, List<Request> alreadyApplied,
                             List<String> ignored, List<String> problems) {
        public Resolution {
            renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
            alreadyApplied = List.copyOf(alreadyApplied);
            ignored = List.copyOf(ignored);
            problems = List.copyOf(problems);
        }

        public List<Change> changes() {
            return List.copyOf(renames.keySet());
        }
    }

    /** Resolves the requests: asked-for ones first (in order), then confirmed, then those found in history. */
    public static Resolution resolve(Schema actual, Schema desired, List<Request> requests) {
        List<Request> ordered = requests.stream()
                .sorted(java.util.Comparator.comparingInt(r -> r.origin().ordinal())).toList();
        Resolver resolver = new Resolver(actual, desired);
        ordered.stream().filter(r -> r.rename() instanceof Change.RenameTable).forEach(resolver::table);
        ordered.stream().filter(r -> r.rename() instanceof Change.RenameColumn).forEach(resolver::column);
        return new Resolution(resolver.renames, resolver.schema, resolver.alreadyApplied, resolver.ignored,
                resolver.problems);
    }

    /** The diff after the renames: the renames first, then what still differs between the renamed actual schema and the desired one. */
    public static SchemaDiff diff(SchemaDiffer differ, Schema desired, Resolution resolution) {
        SchemaDiff rest = differ.diff(resolution.renamedActual(), desired);
        List<Change> all = new ArrayList<>(resolution.changes());
        all.addAll(rest.changes());
        return rest.withChanges(ChangeOrder.sort(all));
    }

    private static final class Resolver {
        final Schema desired;
        Schema schema;
        final Map<Change, Request> renames = new LinkedHashMap<>();
        final List<Request> alreadyApplied = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        /** New table name → old, for the table renames taken, so column hints may name either. */
        final Map<QualifiedName, QualifiedName> renamedTables = new HashMap<>();
        final Set<Object> claimed = new HashSet<>();

        Resolver(Schema actual, Schema desired) {
            this.schema = actual;
            this.desired = desired;
        }

        void table(Request request) {
            Change.RenameTable rename = (Change.RenameTable) request.rename();
            QualifiedName from = rename.from();
            QualifiedName to = rename.to();
            boolean fromInActual = schema.table(from).isPresent();
            boolean toInActual = schema.table(to).isPresent();
            boolean fromInDesired = desired.table(from).isPresent();
            boolean toInDesired = desired.table(to).isPresent();
            String what = "rename of table " + from + " to " + to + " (" + request.why() + ")";
            if (from.equals(to)) {
                reject(request, what + ": the old and new names are the same");
            } else if (!fromInActual && toInActual && toInDesired && !fromInDesired) {
                done(request, what + ": the database has no table " + from + " and already has " + to
                        + " (is the rename done already?)");
            } else if (!fromInActual) {
                reject(request, what + ": the database has no table " + from);
            } else if (!toInDesired) {
                reject(request, what + ": no entity maps a table " + to);
            } else if (fromInDesired) {
                reject(request, what + ": an entity still maps " + from);
            } else if (toInActual) {
                reject(request, what + ": the database already has a table " + to);
            } else if (!claimed.add(List.of("table-from", from)) | !claimed.add(List.of("table-to", to))) {
                reject(request, what + ": another rename already names " + from + " or " + to);
            } else {
                renames.put(rename, request);
                renamedTables.put(to, from);
                schema = renameTable(schema, from, to);
            }
        }

        void column(Request request) {
            Change.RenameColumn asked = (Change.RenameColumn) request.rename();
            QualifiedName table = asked.table();
            if (!renamedTables.containsKey(table)) {
                table = renamedTables.entrySet().stream().filter(e -> e.getValue().equals(asked.table()))
                        .map(Map.Entry::getKey).findFirst().orElse(table);
            }
            Change.RenameColumn rename = new Change.RenameColumn(table, asked.from(), asked.to());
            String what = "rename of column " + asked.table() + "." + asked.from() + " to " + asked.to()
                    + " (" + request.why() + ")";
            Table actualTable = schema.table(table).orElse(null);
            Table desiredTable = desired.table(table).orElse(null);
            if (desiredTable == null) {
                reject(request, what + ": no entity maps a table " + asked.table());
                return;
            }
            if (actualTable == null) {
                reject(request, what + ": the database has no table " + asked.table());
                return;
            }
            boolean fromInActual = actualTable.column(asked.from()).isPresent();
            boolean toInActual = actualTable.column(asked.to()).isPresent();
            boolean fromInDesired = desiredTable.column(asked.from()).isPresent();
            boolean toInDesired = desiredTable.column(asked.to()).isPresent();
            if (asked.from().equals(asked.to())) {
                reject(request, what + ": the old and new names are the same");
            } else if (!fromInActual && toInActual && toInDesired && !fromInDesired) {
                done(request, what + ": the database has no column " + asked.from() + " in " + table + " and already has "
                        + asked.to() + " (is the rename done already?)");
            } else if (!fromInActual) {
                reject(request, what + ": the database has no column " + asked.from() + " in " + table);
            } else if (!toInDesired) {
                reject(request, what + ": the entities map no column " + asked.to() + " in " + table);
            } else if (fromInDesired) {
                reject(request, what + ": the entities still map " + table + "." + asked.from());
            } else if (toInActual) {
                reject(request, what + ": the database already has a column " + table + "." + asked.to());
            } else if (!claimed.add(List.of("column-from", table, asked.from()))
                    | !claimed.add(List.of("column-to", table, asked.to()))) {
                reject(request, what + ": another rename already names " + asked.from() + " or " + asked.to());
            } else {
                renames.put(rename, request);
                schema = renameColumn(schema, table, asked.from(), asked.to());
            }
        }

        /** The database already shows the rename: a note for a configured hint, a mistake for one given for this run. */
        private void done(Request request, String reason) {
            if (request.origin() == Origin.CONFIGURED) {
                alreadyApplied.add(request);
            } else {
                reject(request, reason);
            }
        }

        private void reject(Request request, String reason) {
            (request.origin().asked() ? problems : ignored).add(reason);
        }
    }

    // ---- renaming a schema the way PostgreSQL does ----

    /** The schema after {@code ALTER TABLE from RENAME TO / SET SCHEMA}: foreign keys that point at the table follow it. */
    public static Schema renameTable(Schema schema, QualifiedName from, QualifiedName to) {
        List<Table> tables = schema.tables().stream().map(t -> {
            Table renamed = t.name().equals(from)
                    ? t.withName(to) : t;
            return renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(fk -> fk.referencedTable().equals(from)
                            ? fk.withColumns(fk.columns(), to, fk.referencedColumns()) : fk)
                    .toList());
        }).toList();
        // The namespaces stay those that exist: moving a table into a new schema still needs CREATE SCHEMA first.
        return schema.withTables(tables).withSequences(schema.sequences().stream().map(s -> s.ownedBy() != null
                && s.ownedBy().table().equals(from) ? s.withOwner(new SequenceOwner(to, s.ownedBy().column())) : s).toList());
    }

    /**
     * The schema after {@code ALTER TABLE table RENAME COLUMN from TO to}: keys, constraints and indexes on the
     * column, and foreign keys elsewhere that reference it, now name it {@code to}.
     */
    public static Schema renameColumn(Schema schema, QualifiedName table, String from, String to) {
        UnaryOperator<String> name = c -> c.equals(from) ? to : c;
        UnaryOperator<String> expression = e -> e == null ? null : renameIdentifier(e, from, to);
        List<Table> tables = schema.tables().stream().map(t -> {
            List<ForeignKey> keys = t.foreignKeys().stream().map(fk -> fk.withColumns(
                    t.name().equals(table) ? fk.columns().stream().map(name).toList() : fk.columns(),
                    fk.referencedTable(),
                    fk.referencedTable().equals(table) ? fk.referencedColumns().stream().map(name).toList() : fk.referencedColumns()))
                    .toList();
            if (!t.name().equals(table)) {
                return t.withForeignKeys(keys);
            }
            return t.withColumns(t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList())
                    .withPrimaryKey(t.primaryKey() == null ? null
                            : t.primaryKey().withColumns(t.primaryKey().columns().stream().map(name).toList()))
                    .withForeignKeys(keys)
                    .withUniqueConstraints(t.uniqueConstraints().stream()
                            .map(u -> u.withColumns(u.columns().stream().map(name).toList(),
                                    u.include().stream().map(name).toList())).toList())
                    .withChecks(t.checks().stream().map(c -> new CheckConstraint(c.name(), expression.apply(c.expression()))).toList())
                    .withExclusions(t.exclusions().stream()
                            .map(x -> new ExclusionConstraint(x.name(), expression.apply(x.definition()))).toList())
                    .withIndexes(t.indexes().stream().map(i -> i.withKeys(i.keys().stream().map(expression).toList(),
                            expression.apply(i.predicate()), i.include().stream().map(expression).toList())).toList());
        }).toList();
        return schema.withTables(tables).withSequences(schema.sequences().stream().map(s -> s.ownedBy() != null
                && s.ownedBy().table().equals(table) && s.ownedBy().column().equals(from)
                ? s.withOwner(new SequenceOwner(table, to)) : s).toList());
    }

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    /**
     * Replaces the column name {@code from} by {@code to} in an expression as PostgreSQL prints it (an index key, a
     * check, a predicate): bare or double-quoted identifiers, never inside string literals, after {@code ::} (a type)
     * or before {@code (} (a function). When this misses a case, the diff shows a drop and re-create of the
     * constraint or index: correct, only longer.
     */
    static String renameIdentifier(String expression, String from, String to) {
        String replacement = PLAIN_IDENTIFIER.matcher(to).matches() ? to : '"' + to.replace("\"", "\"\"") + '"';
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n) {
                    if (expression.charAt(end) == '\'') {
                        if (end + 1 < n && expression.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(expression, i, end);
                i = end;
            } else if (c == '"' || Character.isLetter(c) || c == '_') {
                int end;
                String identifier;
                if (c == '"') {
                    end = i + 1;
                    StringBuilder text = new StringBuilder();
                    while (end < n) {
                        if (expression.charAt(end) == '"') {
                            if (end + 1 < n && expression.charAt(end + 1) == '"') {
                                text.append('"');
                                end += 2;
                                continue;
                            }
                            break;
                        }
                        text.append(expression.charAt(end++));
                    }
                    end = Math.min(end + 1, n);
                    identifier = text.toString();
                } else {
                    end = i + 1;
                    while (end < n && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_'
                            || expression.charAt(end) == '$')) {
                        end++;
                    }
                    identifier = expression.substring(i, end);
                }
                boolean afterCast = i >= 2 && expression.startsWith("::", i - 2);
                boolean afterDot = i >= 1 && expression.charAt(i - 1) == '.';
                int next = end;
                while (next < n && expression.charAt(next) == ' ') {
                    next++;
                }
                boolean call = next < n && expression.charAt(next) == '(';
                out.append(identifier.equals(from) && !afterCast && !afterDot && !call
                        ? replacement : expression.substring(i, end));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // ---- probable renames ----

    /**
     * Drop + add pairs in one table whose types are compatible, where the pairing is unambiguous: the dropped column
     * fits no other added column of that table and the added one no other dropped one. Each may be a rename that
     * nobody declared; the caller asks, or warns.
     */
    public static List<Change.RenameColumn> probable(List<Change> changes) {
        Map<QualifiedName, List<Column>> dropped = new LinkedHashMap<>();
        Map<QualifiedName, List<Column>> added = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change instanceof Change.DropColumn drop) {
                dropped.computeIfAbsent(drop.table(), t -> new ArrayList<>()).add(drop.column());
            } else if (change instanceof Change.AddColumn add) {
                added.computeIfAbsent(add.table(), t -> new ArrayList<>()).add(add.column());
            }
        }
        List<Change.RenameColumn> pairs = new ArrayList<>();
        dropped.forEach((table, gone) -> {
            List<Column> fresh = added.getOrDefault(table, List.of());
            for (Column old : gone) {
                List<Column> fits = fresh.stream().filter(c -> compatible(old.type(), c.type())).toList();
                if (fits.size() == 1 && gone.stream().filter(g -> compatible(g.type(), fits.get(0).type())).count() == 1) {
                    pairs.add(new Change.RenameColumn(table, old.name(), fits.get(0).name()));
                }
            }
        });
        return pairs;
    }

    /** Types whose values a rename keeps meaningfully: the same type, or one family (text types, integers, numbers, timestamps). */
    public static boolean compatible(String from, String to) {
        return family(from).equals(family(to));
    }

    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("character varying", "text"), Map.entry("character", "text"), Map.entry("text", "text"),
            Map.entry("smallint", "integer"), Map.entry("integer", "integer"), Map.entry("bigint", "integer"),
            Map.entry("numeric", "number"), Map.entry("real", "number"), Map.entry("double precision", "number"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamp"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "time"));

    static String family(String type) {
        String bare = type.replaceAll("\\(.*?\\)", "").replaceAll("\\s+", " ").trim();
        if (bare.endsWith("[]")) {
            return type; // arrays: only the same type
        }
        return FAMILIES.getOrDefault(bare, bare);
    }
}
