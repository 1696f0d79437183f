package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.devdb.DevDatabase;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A name in the entities cannot put a second statement, and so an extra object, into the desired schema. */
class SmuggledStatementTest {

    private static final String SMUGGLING_NAME = "x (id int); create table evil (id int); create table y";

    @TempDir
    Path work;

    @Test
    void aTableNameThatLooksLikeStatementsIsOneQuotedNameAndNoEvilTable() throws Exception {
        EntityModel model = new EntityReader().read(settings(entity("@Table(name = \"" + SMUGGLING_NAME + "\")", "")));
        List<String> tables = new DevDatabase(TestPostgres.scratchDatabases()).materialize(model.ddl()).tables().stream()
                .map(t -> t.name().name()).toList();
        assertEquals(List.of(SMUGGLING_NAME), tables);
    }

    @Test
    void aColumnDefinitionThatCarriesASecondStatementIsRefusedNamingIt() throws Exception {
        EntityReader.Settings settings = settings(entity("",
                "@Column(columnDefinition = \"int); create table evil (id int); --\") Integer v;"));
        EntityReadException e = assertThrows(EntityReadException.class, () -> new EntityReader().read(settings));
        assertTrue(e.getMessage().contains("carries SQL: this DDL command holds more than one statement: create table "
                + "Sneaky (v int); create table evil (id int)"), e.getMessage());
    }

    private Path entity(String tableAnnotation, String field) throws Exception {
        Path sources = work.resolve("src/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Sneaky.java"), """
                package com.acme;
                import jakarta.persistence.*;
                @Entity
                %s
                public class Sneaky {
                    @Id Long id;
                    %s
                }
                """.formatted(tableAnnotation, field));
        return ModelCompiler.compile(work.resolve("src"), work.resolve("classes"));
    }

    private static EntityReader.Settings settings(Path classes) {
        return new EntityReader.Settings(List.of(classes), List.of(), NamingStrategy.HIBERNATE, null,
                TestPostgres.serverVersion());
    }

    @Test
    void theDevDatabaseRunsEachCommandAsOneStatementOnly() {
        DevDatabase dev = new DevDatabase(TestPostgres.scratchDatabases());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dev.materialize(List.of(
                "create table a (id int); create table evil (id int)")));
        assertTrue(e.getMessage().contains("more than one statement"), e.getMessage());

        // quotes, dollar quotes and comments are the driver's business: a ';' inside them is no second statement
        assertEquals(List.of("a;b", "c"), dev.materialize(List.of(
                "create table \"a;b\" (id int, note text default 'x;y')",
                "create table c (id int check ($$;$$ <> 'z')) -- ; create table evil (id int)"))
                .tables().stream().map(t -> t.name().name()).toList());
    }
}
