package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.model.QualifiedName;
import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The id columns fed by a sequence name the sequence as PostgreSQL stores it, with the generator's allocation size. */
class SequenceIdsTest {

    /** Hibernate 7 leaves the default {@code <entity>_seq} unqualified, even for a table in another schema: so does this. */
    @Test
    void sequenceFedIdsNameTheirSequenceTableColumnAndIncrement(@TempDir Path work) throws Exception {
        Path sources = work.resolve("src/fx");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("TradeOrder.java"), """
                package fx;
                import jakarta.persistence.*;
                @Entity @Table(schema = "Trading")
                public class TradeOrder {
                    @Id @GeneratedValue Long orderId;
                }
                """);
        Files.writeString(sources.resolve("Fill.java"), """
                package fx;
                import jakarta.persistence.*;
                @Entity
                public class Fill {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fills")
                    @SequenceGenerator(name = "fills", sequenceName = "Fill_Ids", allocationSize = 1)
                    Long id;
                }
                """);
        Files.writeString(sources.resolve("Quote.java"), """
                package fx;
                import jakarta.persistence.*;
                @Entity
                public class Quote {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
                }
                """);
        Files.writeString(sources.resolve("Tag.java"), """
                package fx;
                import jakarta.persistence.*;
                @Entity
                public class Tag {
                    @Id String code;
                }
                """);
        Path classes = ModelCompiler.compile(work.resolve("src"), work.resolve("classes"));

        assertEquals(List.of(
                        new SequenceIdColumn(QualifiedName.of("public", "fill_ids"), QualifiedName.of("public", "fill"), "id", 1),
                        new SequenceIdColumn(QualifiedName.of("public", "tradeorder_seq"), QualifiedName.of("trading", "tradeorder"), "orderid", 50)),
                read(classes, NamingStrategy.HIBERNATE, null));
        assertEquals(List.of(
                        new SequenceIdColumn(QualifiedName.of("ledger", "fill_ids"), QualifiedName.of("ledger", "fill"), "id", 1),
                        new SequenceIdColumn(QualifiedName.of("ledger", "trade_order_seq"), QualifiedName.of("trading", "trade_order"), "order_id", 50)),
                read(classes, NamingStrategy.SPRING, "ledger"));
    }

    private static List<SequenceIdColumn> read(Path classes, NamingStrategy naming, String defaultSchema) {
        EntityModel model = new EntityReader().read(new EntityReader.Settings(List.of(classes), List.of(), naming, defaultSchema,
                TestPostgres.serverVersion()));
        return model.sequenceIds().stream().sorted(Comparator.comparing(c -> c.sequence().name())).toList();
    }
}
