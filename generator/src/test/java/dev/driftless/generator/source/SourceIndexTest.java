package dev.driftless.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.testing.ModelCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceIndexTest {

    @Test
    void findsClassesFieldsAndSequenceGeneratorsOfTheExample() throws Exception {
        Path root = ModelCompiler.exampleSources();
        SourceIndex index = SourceIndex.of(List.of(root));
        String file = "com/acme/trading/market/Order.java";
        List<String> lines = Files.readAllLines(root.resolve(file));

        SourceLocation symbol = index.fieldLocation("com.acme.trading.market.Order", "symbol").orElseThrow();
        assertEquals(file, symbol.file());
        assertTrue(lines.get(symbol.line() - 1).contains("private String symbol;"), lines.get(symbol.line() - 1));

        SourceLocation type = index.classLocation("com.acme.trading.market.Order").orElseThrow();
        assertTrue(lines.get(type.line() - 1).contains("public class Order"), lines.get(type.line() - 1));

        assertEquals("com.acme.trading.backtester.BacktestRun#id", index.sequenceOwner("backtest_history_seq").orElseThrow());
        assertTrue(index.fieldLocation("com.acme.trading.market.Order", "nonexistent").isEmpty());
        // the example maps its fields; its getters (unannotated) do not take their place
        assertTrue(lines.get(index.fieldLocation("com.acme.trading.market.Order", "symbol").orElseThrow().line() - 1)
                .contains("private String symbol;"));
    }

    /** Property access: a finding points at the getter that carries the mapping, not at the field beside it (issue 12). */
    @Test
    void findsTheAnnotatedGetterOfAPropertyAccessMapping(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        Path file = Files.createDirectories(root.resolve("shop")).resolve("Fund.java");
        Files.writeString(file, """
                package shop;

                import jakarta.persistence.*;

                @Entity
                @Access(AccessType.PROPERTY)
                public class Fund {
                    private Long id;
                    private String displayName;
                    private boolean active;

                    @Id
                    public Long getId() { return id; }

                    @Column(name = "display_name", length = 80)
                    public String getDisplayName() { return displayName; }

                    public boolean isActive() { return active; }

                    public String getURL() { return null; }
                }
                """);
        SourceIndex index = SourceIndex.of(List.of(root));
        List<String> lines = Files.readAllLines(file);

        assertTrue(lines.get(index.fieldLocation("shop.Fund", "displayName").orElseThrow().line() - 1)
                .contains("public String getDisplayName()"));
        assertTrue(lines.get(index.fieldLocation("shop.Fund", "id").orElseThrow().line() - 1).contains("public Long getId()"));
        assertTrue(lines.get(index.fieldLocation("shop.Fund", "active").orElseThrow().line() - 1).contains("public boolean isActive()"),
                "under property access an unannotated getter carries the mapping too");
        assertTrue(lines.get(index.fieldLocation("shop.Fund", "URL").orElseThrow().line() - 1).contains("getURL()"),
                "a property with no field is found at its getter");
    }

    /**
     * Without {@code @Access}, an {@code @Id} on a getter makes the whole class property access (JPA's default access):
     * every persistent property's mapping is its getter, annotated or not; a {@code @Transient} getter maps nothing.
     */
    @Test
    void anIdOnAGetterMakesEveryGetterTheMappingMember(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        Path file = Files.createDirectories(root.resolve("shop")).resolve("Basket.java");
        Files.writeString(file, """
                package shop;

                import jakarta.persistence.*;

                @Entity
                public class Basket {
                    private Long id;
                    private String owner;
                    private int size;

                    @Id
                    public Long getId() { return id; }

                    public String getOwner() { return owner; }

                    @Transient
                    public int getSize() { return size; }
                }
                """);
        SourceIndex index = SourceIndex.of(List.of(root));
        List<String> lines = Files.readAllLines(file);

        assertTrue(lines.get(index.fieldLocation("shop.Basket", "owner").orElseThrow().line() - 1)
                .contains("public String getOwner()"));
        assertTrue(lines.get(index.fieldLocation("shop.Basket", "size").orElseThrow().line() - 1)
                .contains("private int size;"), "a @Transient getter does not take the field's place");
    }
}
