package dev.driftless.generator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.entity.NamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnNamingTest {

    @ParameterizedTest
    @CsvSource({"limitPrice, limitprice, limit_price", "tradeCount, tradecount, trade_count",
            "session_id, session_id, session_id", "URLValue, urlvalue, urlvalue", "order2Id, order2id, order2_id",
            "aB, ab, ab", "sharpeRatio30d, sharperatio30d, sharpe_ratio30d", "'\"MixedCase\"', MixedCase, MixedCase",
            "`fooBar`, fooBar, fooBar"})
    void namesAsPostgresqlStoresThem(String logical, String hibernate, String spring) {
        assertEquals(hibernate, ColumnNaming.HIBERNATE.physical(logical));
        assertEquals(spring, ColumnNaming.SPRING.physical(logical));
    }

    /** Our copy of Spring's snake_case must agree with Hibernate's own class (deprecated, so we do not call it in main code). */
    @ParameterizedTest
    @ValueSource(strings = {"limitPrice", "tradeCount", "URLValue", "order2Id", "aB", "ABC", "placedAt1x",
            "maxDrawdownPct", "x", "userID", "sharpeRatio30d", "a.b", "HTTPServerURL"})
    void springNamingMatchesHibernatesCamelCaseToUnderscores(String logical) throws Exception {
        PhysicalNamingStrategy hibernate = (PhysicalNamingStrategy) Class.forName(
                NamingStrategy.SPRING.physicalStrategyClass()).getDeclaredConstructor().newInstance();
        assertEquals(hibernate.toPhysicalColumnName(Identifier.toIdentifier(logical), null).getText(),
                ColumnNaming.SPRING.physical(logical));
    }

    @org.junit.jupiter.api.Test
    void aCustomStrategyHasNoNamingSoNoGuesses() {
        assertTrue(ColumnNaming.of(new NamingStrategy("com.acme.MyNaming")).isEmpty());
    }
}
