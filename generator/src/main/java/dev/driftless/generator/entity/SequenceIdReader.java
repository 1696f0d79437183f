package dev.driftless.generator.entity;

import dev.driftless.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.GeneratorSettings;
import org.hibernate.mapping.KeyValue;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;

/**
 * Which sequence feeds which entity's id column, read by building each root entity's id generator the way the
 * application's {@code SessionFactory} does: the sequence's name then comes out after the naming strategy, the
 * default schema, {@code @SequenceGenerator} and Hibernate's per-entity {@code <entity>_seq} default.
 */
final class SequenceIdReader {

    private SequenceIdReader() {
    }

    static List<SequenceIdColumn> read(Metadata metadata, StandardServiceRegistry registry, String defaultSchema) {
        String schema = defaultSchema == null || defaultSchema.isBlank() ? "public" : defaultSchema.toLowerCase(Locale.ROOT);
        Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
        JdbcEnvironment jdbc = registry.requireService(JdbcEnvironment.class);
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromConfigurationMap(jdbc, metadata.getDatabase(), settings);
        GeneratorSettings defaults = new GeneratorSettings() {
            public String getDefaultCatalog() {
                Object catalog = settings.get(AvailableSettings.DEFAULT_CATALOG);
                return catalog == null ? null : catalog.toString();
            }

            public String getDefaultSchema() {
                return defaultSchema;
            }

            public SqlStringGenerationContext getSqlStringGenerationContext() {
                return context;
            }
        };
        List<SequenceIdColumn> found = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (!(entity instanceof RootClass root) || root.getIdentifierProperty() == null) {
                continue; // subclasses share the root's id; composite ids take no sequence
            }
            KeyValue id = root.getIdentifier();
            List<Selectable> columns = id.getSelectables();
            if (columns.size() != 1 || !(columns.get(0) instanceof Column column)) {
                continue;
            }
            Generator generator = generator(id, jdbc, root, defaults);
            if (generator instanceof SequenceStyleGenerator sequenceStyle
                    && sequenceStyle.getDatabaseStructure().isPhysicalSequence()) {
                // registering finds the sequence Hibernate already put in the model, under its physical name
                sequenceStyle.registerExportables(metadata.getDatabase());
                var name = sequenceStyle.getDatabaseStructure().getPhysicalName();
                found.add(new SequenceIdColumn(
                        new QualifiedName(name.getSchemaName() == null ? schema : folded(name.getSchemaName()),
                                folded(name.getObjectName())),
                        tableName(root.getTable(), schema), folded(column.getName(), column.isQuoted()),
                        sequenceStyle.getDatabaseStructure().getIncrementSize()));
            }
        }
        return found;
    }

    /**
     * The entity's id generator, or {@code null} when it cannot be built outside the application (a custom generator
     * that wants its runtime): such an id is not a sequence this reader knows, and reading the model goes on.
     */
    private static Generator generator(KeyValue id, JdbcEnvironment jdbc, RootClass root, GeneratorSettings defaults) {
        try {
            return id.createGenerator(jdbc.getDialect(), root, root.getIdentifierProperty(), defaults);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static QualifiedName tableName(org.hibernate.mapping.Table table, String defaultSchema) {
        return new QualifiedName(table.getSchema() == null ? defaultSchema : folded(table.getSchema(), table.isSchemaQuoted()),
                folded(table.getName(), table.isQuoted()));
    }

    private static String folded(Identifier identifier) {
        return folded(identifier.getText(), identifier.isQuoted());
    }

    private static String folded(String name, boolean quoted) {
        String bare = name.startsWith("`") || name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        return quoted ? bare : bare.toLowerCase(Locale.ROOT);
    }
}
