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
    }
}
