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

/** The enum columns Hibernate maps are named as PostgreSQL stores them, under either naming strategy and schema. */
class EnumColumnsTest {

    @Test
    void enumColumnsCarryPhysicalNamesAndConstantsInOrdinalOrder(@TempDir Path work) throws Exception {
        Path sources = work.resolve("src/fx");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Side.java"), "package fx;\npublic enum Side { BUY, SELL, SHORT }\n");
        Files.writeString(sources.resolve("TradeOrder.java"), """
                package fx;

                import jakarta.persistence.*;

                @Entity
                @Table(schema = "Trading")
                public class TradeOrder {
                    @Id Long id;
                    @Enumerated(EnumType.ORDINAL) Side orderSide;
                    @Enumerated(EnumType.STRING) @Column(name = "\\"QuotedSide\\"") Side quoted;
                    String notAnEnum;
                }
                """);
        Path classes = ModelCompiler.compile(work.resolve("src"), work.resolve("classes"));
        List<String> constants = List.of("BUY", "SELL", "SHORT");

        assertEquals(List.of(new EnumColumn(QualifiedName.of("trading", "tradeorder"), "QuotedSide", constants),
                        new EnumColumn(QualifiedName.of("trading", "tradeorder"), "orderside", constants)),
                read(classes, NamingStrategy.HIBERNATE));
        assertEquals(List.of(new EnumColumn(QualifiedName.of("trading", "trade_order"), "QuotedSide", constants),
                        new EnumColumn(QualifiedName.of("trading", "trade_order"), "order_side", constants)),
                read(classes, NamingStrategy.SPRING));
    }

    private static List<EnumColumn> read(Path classes, NamingStrategy naming) {
        return new EntityReader().read(new EntityReader.Settings(List.of(classes), List.of(), naming, null,
                TestPostgres.serverVersion())).enumColumns().stream()
                .sorted((a, b) -> a.column().compareTo(b.column())).toList();
    }
}
