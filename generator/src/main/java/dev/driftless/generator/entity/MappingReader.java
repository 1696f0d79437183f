package dev.driftless.generator.entity;

import dev.driftless.model.QualifiedName;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;

/**
 * Reads {@link EntityMapping} from Hibernate's boot metadata: for every entity, its table, and for every property
 * (identifier, version, plain, embedded, collection) the columns it maps and the class that declares the field.
 * Names come out as PostgreSQL stores them: unquoted names folded to lower case, a missing schema resolved to
 * the default schema or {@code public}.
 */
final class MappingReader {

    private final String defaultSchema;
    private final Map<QualifiedName, EntityMapping.Owner> tables = new LinkedHashMap<>();
    private final Map<String, EntityMapping.ColumnOwner> columns = new LinkedHashMap<>();

    private MappingReader(String defaultSchema) {
        this.defaultSchema = defaultSchema == null || defaultSchema.isBlank() ? "public" : defaultSchema.toLowerCase(Locale.ROOT);
    }

    static EntityMapping read(Metadata metadata, String defaultSchema) {
        MappingReader reader = new MappingReader(defaultSchema);
        metadata.getEntityBindings().stream()
                .sorted((a, b) -> a.getEntityName().compareTo(b.getEntityName()))
                .forEach(reader::entity);
        return new EntityMapping(new ArrayList<>(reader.tables.values()), new ArrayList<>(reader.columns.values()));
    }

    private void entity(PersistentClass entity) {
        String className = entity.getClassName();
        Class<?> type = entity.getMappedClass();
        QualifiedName table = name(entity.getTable());
        tables.putIfAbsent(table, new EntityMapping.Owner(table, className, null));
        if (entity.getIdentifierProperty() != null) {
            property(entity.getIdentifierProperty(), type, className);
        } else if (entity.getIdentifierMapper() != null) {
            entity.getIdentifierMapper().getProperties().forEach(p -> property(p, type, className));
        }
        if (entity.getVersion() != null) {
            property(entity.getVersion(), type, className);
        }
        entity.getProperties().forEach(p -> property(p, type, className));
        // What no field maps (a joined subclass's key, a discriminator) belongs to the class itself.
        selectables(entity.getKey(), entity.getTable(), className, null);
        if (entity.getDiscriminator() != null) {
            selectables(entity.getDiscriminator(), entity.getTable(), className, null);
        }
    }

    private void property(Property property, Class<?> owner, String ownerName) {
        String declaring = declaringClass(owner, property.getName(), ownerName);
        Value value = property.getValue();
        if (value instanceof Component component) {
            Class<?> componentType = component.getComponentClass();
            String componentName = component.getComponentClassName() != null ? component.getComponentClassName() : declaring;
            for (Property nested : component.getProperties()) {
                property(nested, componentType, componentName);
            }
            return;
        }
        if (value instanceof Collection collection) {
            if (collection.isInverse()) {
                return; // mappedBy: the other side's field owns the columns
            }
            Table collectionTable = collection.getCollectionTable();
            if (collectionTable != null && !collection.isOneToMany()) {
                QualifiedName name = name(collectionTable);
                tables.putIfAbsent(name, new EntityMapping.Owner(name, declaring, property.getName()));
                selectables(collection.getKey(), collectionTable, declaring, property.getName());
                selectables(collection.getElement(), collectionTable, declaring, property.getName());
                if (collection instanceof IndexedCollection indexed) {
                    selectables(indexed.getIndex(), collectionTable, declaring, property.getName());
                }
            } else if (collection.getKey() != null && collection.getKey().getTable() != null) {
                // @OneToMany @JoinColumn: the key column lives in the other entity's table.
                selectables(collection.getKey(), collection.getKey().getTable(), declaring, property.getName());
            }
            return;
        }
        selectables(value, value.getTable(), declaring, property.getName());
    }

    private void selectables(Value value, Table table, String className, String field) {
        if (value == null || table == null) {
            return;
        }
        QualifiedName tableName = name(table);
        for (Selectable selectable : value.getSelectables()) {
            if (selectable instanceof Column column) {
                String columnName = column.isQuoted() ? column.getName() : column.getName().toLowerCase(Locale.ROOT);
                columns.putIfAbsent(tableName + "." + columnName,
                        new EntityMapping.ColumnOwner(tableName, columnName, className, field));
            }
        }
    }

    private QualifiedName name(Table table) {
        String schema = table.getSchema();
        String resolvedSchema = schema == null ? defaultSchema
                : table.isSchemaQuoted() ? schema : schema.toLowerCase(Locale.ROOT);
        String name = table.isQuoted() ? table.getName() : table.getName().toLowerCase(Locale.ROOT);
        return new QualifiedName(resolvedSchema, name);
    }

    /** The class in {@code type}'s hierarchy that declares the field: a mapped superclass for inherited fields. */
    private static String declaringClass(Class<?> type, String field, String fallback) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(field)) {
                    return c.getName();
                }
            }
        }
        return fallback;
    }
}
