package dev.driftless.generator.entity;

import dev.driftless.generator.render.UnsafeText;
import dev.driftless.model.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * Every name the entities map, checked before any DDL runs: PostgreSQL silently cuts a name to 63 bytes (so two that
 * share their first 63 bytes collide with an error that names neither), and a name with a control character could
 * end a line of a changelog early ({@link UnsafeText}).
 */
final class MappedNames {

    /** NAMEDATALEN - 1: the longest name PostgreSQL keeps, in bytes of the server encoding (UTF-8 here). */
    static final int MAX_BYTES = 63;

    private final EntityMapping mapping;
    private final String defaultSchema;
    private final List<UnfitName> unfit = new ArrayList<>();

    private MappedNames(EntityMapping mapping, String defaultSchema) {
        this.mapping = mapping;
        this.defaultSchema = defaultSchema == null || defaultSchema.isBlank() ? "public" : defaultSchema.toLowerCase(Locale.ROOT);
    }

    /** @throws UnfitNamesException listing every unfit name, when there is one */
    static void check(Metadata metadata, EntityMapping mapping, String defaultSchema) {
        MappedNames names = new MappedNames(mapping, defaultSchema);
        metadata.collectTableMappings().forEach(names::table);
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Sequence sequence : namespace.getSequences()) {
                names.check("sequence", sequence.getName().getSequenceName().getText(), null, null, null);
            }
        }
        if (!names.unfit.isEmpty()) {
            throw new UnfitNamesException(names.unfit);
        }
    }

    private void table(Table table) {
        QualifiedName name = name(table);
        EntityMapping.Owner owner = mapping.table(name).orElse(null);
        String className = owner == null ? null : owner.className();
        String tableField = owner == null ? null : owner.field();
        check("schema", name.schema(), null, className, tableField);
        check("table", name.name(), null, className, tableField);
        for (Column column : table.getColumns()) {
            String columnName = folded(column.getName(), column.isQuoted());
            EntityMapping.ColumnOwner columnOwner = mapping.column(name, columnName).orElse(null);
            check("column", columnName, name, columnOwner == null ? className : columnOwner.className(),
                    columnOwner == null ? null : columnOwner.field());
        }
        // no primary key name: Hibernate's DDL leaves it to PostgreSQL (<table>_pkey, which it keeps within the limit)
        for (Index index : table.getIndexes().values()) {
            check("index", index.getName(), name, className, null);
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            check("unique constraint", key.getName(), name, className, null);
        }
        for (ForeignKey key : table.getForeignKeyCollection()) {
            check("foreign key", key.getName(), name, className, null);
        }
        for (CheckConstraint constraint : table.getChecks()) {
            check("check constraint", constraint.getName(), name, className, null);
        }
    }

    private void check(String kind, String name, QualifiedName table, String className, String field) {
        if (name == null) {
            return; // PostgreSQL names it, and keeps its own names within the limit
        }
        String tableName = table == null ? null : UnsafeText.printable(table.toString());
        if (UnsafeText.hasUnsafe(name)) {
            unfit.add(new UnfitName(kind, UnsafeText.printable(name), tableName, className, field,
                    "holds a control character (" + UnsafeText.firstUnsafe(name) + "), which a changelog cannot carry safely"));
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            unfit.add(new UnfitName(kind, UnsafeText.printable(name), tableName, className, field,
                    bytes + " bytes, over PostgreSQL's limit of " + MAX_BYTES + " (it would cut the name silently)"));
        }
    }

    private QualifiedName name(Table table) {
        String schema = table.getSchema() == null ? defaultSchema : folded(table.getSchema(), table.isSchemaQuoted());
        return new QualifiedName(schema, folded(table.getName(), table.isQuoted()));
    }

    private static String folded(String name, boolean quoted) {
        String bare = name.startsWith("`") || name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        return quoted ? bare : bare.toLowerCase(Locale.ROOT);
    }
}
