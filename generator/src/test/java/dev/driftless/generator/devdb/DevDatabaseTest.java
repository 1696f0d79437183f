package dev.driftless.generator.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.model.QualifiedName;
import dev.driftless.model.Schema;
import dev.driftless.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevDatabaseTest {

    @Test
    void anEntityInPublicNamedExplicitlyDoesNotFailOnTheExistingSchema() {
        Schema schema = new DevDatabase(TestPostgres.scratchDatabases()).materialize(List.of(
                "create schema public",
                "create schema trading",
                "create table public.accounts (id bigint not null, primary key (id))",
                "create table trading.fills (id bigint not null, primary key (id))"));
        assertEquals(List.of("public", "trading"), schema.namespaces());
        assertEquals(List.of(QualifiedName.of("public", "accounts"), QualifiedName.of("trading", "fills")),
                schema.tables().stream().map(t -> t.name()).toList());
    }

    @Test
    void onlyCreateSchemaStatementsAreTouched() {
        assertEquals("create schema if not exists public", DevDatabase.tolerateExistingSchema("create schema public"));
        assertEquals("create schema if not exists x", DevDatabase.tolerateExistingSchema("create schema if not exists x"));
        assertEquals("create table schema_x (id int)", DevDatabase.tolerateExistingSchema("create table schema_x (id int)"));
    }
}
