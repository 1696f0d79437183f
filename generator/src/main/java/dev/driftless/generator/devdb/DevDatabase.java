package dev.driftless.generator.devdb;

import dev.driftless.generator.catalog.CatalogIntrospector;
import dev.driftless.generator.render.Identifiers;
import dev.driftless.generator.render.SqlRenderer;
import dev.driftless.model.EnumType;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.model.Sequence;
import dev.driftless.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Lets PostgreSQL normalise the model: runs Hibernate's DDL into a scratch database and reads it back with
 * the same introspector used for the target, so both sides of a diff are values of one kind
 * ({@code int4} and {@code integer}, {@code timestamp(6)}, rewritten check constraints all come out alike).
 */
public final class DevDatabase {

    private final ScratchDatabases server;

    public DevDatabase(ScratchDatabases server) {
        this.server = server;
    }

    /** The schema the DDL creates, restricted to the schemas (namespaces) the DDL uses. */
    public Schema materialize(List<String> ddl) {
        String name = "driftless_dev_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.create(name);
        try {
            try (Connection connection = server.connect(name)) {
                run(connection, ddl);
                Schema created = settleChecks(connection, new CatalogIntrospector().read(connection));
                return new Schema(usedNamespaces(created), created.tables(), created.sequences(), created.enumTypes());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL rejected the DDL Hibernate generated for the entities: "
                    + e.getMessage(), e);
        } finally {
            server.drop(name);
        }
    }

    /**
     * PostgreSQL prints Hibernate's {@code check (x in ('A','B'))} in a form that prints differently once run again
     * (see {@link CheckNormaliser}); a database built from our changelog holds the second form. Re-creating the
     * checks here once, in one batch, makes the model speak that settled form, so an up-to-date database matches
     * without any per-constraint normalising.
     */
    private static Schema settleChecks(Connection connection, Schema schema) throws SQLException {
        List<String> statements = schema.tables().stream().filter(t -> !t.checks().isEmpty())
                .map(t -> "ALTER TABLE " + SqlRenderer.name(t.name()) + " " + t.checks().stream()
                        .map(c -> "DROP CONSTRAINT " + Identifiers.quote(c.name()) + ", ADD CONSTRAINT "
                                + Identifiers.quote(c.name()) + " " + c.expression())
                        .collect(java.util.stream.Collectors.joining(", ")))
                .toList();
        if (statements.isEmpty()) {
            return schema;
        }
        run(connection, statements);
        return new CatalogIntrospector().read(connection);
    }

    /**
     * One statement per command, never a joined string, so no command can smuggle a second one in
     * ({@link SingleStatements}); one JDBC batch, so the driver still sends them together.
     */
    private static void run(Connection connection, List<String> ddl) throws SQLException {
        if (ddl.isEmpty()) {
            return;
        }
        ddl.forEach(SingleStatements::require);
        try (Statement statement = connection.createStatement()) {
            for (String command : ddl) {
                statement.addBatch(tolerateExistingSchema(command));
            }
            statement.executeBatch();
        } catch (java.sql.BatchUpdateException e) {
            // the batch's own message says only "Batch entry n ... was aborted"; the server's reason is the next one
            throw e.getNextException() != null ? e.getNextException() : e;
        }
    }

    /**
     * Hibernate creates every schema an entity names, {@code public} too ({@code @Table(schema = "public")}), which
     * a fresh database already has.
     */
    static String tolerateExistingSchema(String statement) {
        return CREATE_SCHEMA.matcher(statement).replaceFirst("create schema if not exists ");
    }

    private static final java.util.regex.Pattern CREATE_SCHEMA =
            java.util.regex.Pattern.compile("^\\s*create schema (?!if not exists )", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static List<String> usedNamespaces(Schema schema) {
        return Stream.of(schema.tables().stream().map(Table::name), schema.sequences().stream().map(Sequence::name),
                        schema.enumTypes().stream().map(EnumType::name))
                .flatMap(s -> s).map(QualifiedName::schema).distinct().toList();
    }
}
