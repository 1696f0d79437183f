package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DDL orders columns as the application's Hibernate does when it creates the schema: Hibernate's standard column
 * ordering (6.2 on) by default, and the mapping's order when the application asks for
 * {@code hibernate.column_ordering_strategy=legacy} (what Hibernate 6.1 and older created).
 */
class ColumnOrderTest {

    @Test
    void standardOrderingByDefaultLegacyWhenTheApplicationSaysSo(@TempDir Path work) throws Exception {
        Path sources = work.resolve("src/fx");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Placement.java"), """
                package fx;

                import jakarta.persistence.*;
                import java.io.Serializable;

                @Entity
                @IdClass(Placement.Key.class)
                public class Placement {
                    @Id String aisle;
                    @Id Long book;
                    String note;
                    java.time.Instant placedAt;

                    public static class Key implements Serializable {
                        String aisle;
                        Long book;
                        public boolean equals(Object o) { return o instanceof Key k && java.util.Objects.equals(aisle, k.aisle) && java.util.Objects.equals(book, k.book); }
                        public int hashCode() { return java.util.Objects.hash(aisle, book); }
                    }
                }
                """);
        Path classes = ModelCompiler.compile(work.resolve("src"), work.resolve("classes"));

        assertEquals("create table Placement (book bigint not null, placedAt timestamp(6) with time zone, aisle varchar(255)"
                + " not null, note varchar(255), primary key (book, aisle))", createTable(classes, Map.of()));
        assertEquals("create table Placement (aisle varchar(255) not null, book bigint not null, note varchar(255),"
                + " placedAt timestamp(6) with time zone, primary key (aisle, book))",
                createTable(classes, Map.of("hibernate.column_ordering_strategy", "legacy")));
    }

    private static String createTable(Path classes, Map<String, String> hibernate) {
        EntityModel model = new EntityReader().read(new EntityReader.Settings(List.of(classes), List.of(),
                NamingStrategy.HIBERNATE, null, TestPostgres.serverVersion(), new TreeMap<>(hibernate)));
        return model.ddl().stream().filter(s -> s.startsWith("create table")).findFirst().orElseThrow();
    }
}
