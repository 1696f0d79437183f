package dev.driftless.generator.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.engine.jdbc.internal.FormatStyle;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.GenerationTarget;

/**
 * The DDL Hibernate's own schema creation runs for a model, as the application's {@code SessionFactory} would create it.
 * Two things differ from {@link SchemaCreatorImpl#generateCreationCommands}, which is meant for tests:
 * <ul>
 *   <li>the settings ({@code hibernate.default_schema}, {@code hibernate.default_catalog}) reach the DDL: that method
 *       hands Hibernate an empty settings map, so every unqualified table landed in {@code public};</li>
 *   <li>columns are ordered by Hibernate's column ordering strategy first, as the application's Hibernate does when it
 *       creates the schema, so table columns and composite keys come in the order the application's own
 *       {@code ddl-auto=create} gives them (fixed-size columns before variable ones, {@code (b, a)} where it says so);
 *       {@code hibernate.column_ordering_strategy=legacy} still keeps the order of the mapping.</li>
 * </ul>
 */
final class CreationCommands {

    private CreationCommands() {
    }

    static List<String> of(Metadata metadata, StandardServiceRegistry registry) {
        // SessionFactoryImpl calls orderColumns(false), which orders a table's columns only when the settings ask for a
        // schema action (create, create-drop, ...); creating the schema is what we do, so the ordering is forced.
        ((MetadataImplementor) metadata).orderColumns(true);
        Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
        List<String> commands = new ArrayList<>();
        ExecutionOptions options = new ExecutionOptions() {
            public Map<String, Object> getConfigurationValues() {
                return settings;
            }

            public boolean shouldManageNamespaces() {
                return true;
            }

            public ExceptionHandler getExceptionHandler() {
                return ExceptionHandlerHaltImpl.INSTANCE;
            }
        };
        GenerationTarget journal = new GenerationTarget() {
            public void prepare() {
            }

            public void accept(String command) {
                commands.add(command);
            }

            public void release() {
            }
        };
        new SchemaCreatorImpl(registry).createFromMetadata(metadata, options,
                registry.requireService(JdbcEnvironment.class).getDialect(), FormatStyle.NONE.getFormatter(), journal);
        return commands;
    }
}
