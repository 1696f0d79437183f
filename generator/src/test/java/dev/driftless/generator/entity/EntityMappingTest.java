package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.model.QualifiedName;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hibernate's mapping read back to PostgreSQL's names: which class and field own each table and column. */
class EntityMappingTest {

    @TempDir
    Path work;

    @Test
    void mapsTheExamplesColumnsToTheirFields() {
        Path classes = ModelCompiler.compile(ModelCompiler.exampleSources(), work.resolve("classes"));
        EntityMapping mapping = read(classes, NamingStrategy.HIBERNATE, null);
        QualifiedName orders = QualifiedName.of("market_data", "orders");
        assertEquals(new EntityMapping.Owner(orders, "com.acme.trading.market.Order", null), mapping.table(orders).orElseThrow());
        assertEquals("symbol", mapping.column(orders, "symbol").orElseThrow().field());
        assertEquals("session", mapping.column(orders, "session_id").orElseThrow().field());
        assertEquals("version", mapping.column(orders, "version").orElseThrow().field());
        EntityMapping.ColumnOwner subscriber = mapping.column(QualifiedName.of("market_data", "trading_sessions"), "user_id")
                .orElseThrow();
        assertEquals("com.acme.trading.market.TradingSession", subscriber.className());
    }

    @Test
    void inheritedEmbeddedAndCollectionColumnsPointAtTheirDeclaringClassUnderSpringNaming() throws Exception {
        Path sources = work.resolve("src/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Audited.java"), """
                package com.acme;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Audited {
                    private java.time.Instant createdAt;
                }
                """);
        Files.writeString(sources.resolve("Money.java"), """
                package com.acme;
                import jakarta.persistence.*;
                @Embeddable
                public class Money {
                    private java.math.BigDecimal amount;
                    private String currencyCode;
                }
                """);
        Files.writeString(sources.resolve("Invoice.java"), """
                package com.acme;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "Invoices")
                public class Invoice extends Audited {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    @Embedded private Money totalAmount;
                    @ElementCollection private java.util.Set<String> lineNotes;
                }
                """);
        Path classes = ModelCompiler.compile(work.resolve("src"), work.resolve("classes"));
        EntityMapping mapping = read(classes, NamingStrategy.SPRING, "billing");
        QualifiedName invoices = QualifiedName.of("billing", "invoices");
        assertEquals("com.acme.Invoice", mapping.table(invoices).orElseThrow().className());
        EntityMapping.ColumnOwner created = mapping.column(invoices, "created_at").orElseThrow();
        assertEquals(List.of("com.acme.Audited", "createdAt"), List.of(created.className(), created.field()));
        EntityMapping.ColumnOwner currency = mapping.column(invoices, "currency_code").orElseThrow();
        assertEquals(List.of("com.acme.Money", "currencyCode"), List.of(currency.className(), currency.field()));
        EntityMapping.Owner notes = mapping.tables().stream().filter(t -> t.field() != null).findFirst().orElseThrow();
        assertEquals(List.of("com.acme.Invoice", "lineNotes"), List.of(notes.className(), notes.field()));
        assertEquals("billing", notes.table().schema());
    }

    private static EntityMapping read(Path classes, NamingStrategy naming, String defaultSchema) {
        return new EntityReader().read(new EntityReader.Settings(List.of(classes), List.of(), naming, defaultSchema,
                TestPostgres.serverVersion())).mapping();
    }
}
