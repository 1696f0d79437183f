package dev.driftless.generator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.model.Renames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: (name, sources then, sources now, naming, the renames found). */
class HistoryRenamesTest {

    static final String ORDER_PATH = "com/acme/Order.java";
    static final QualifiedName ORDERS = QualifiedName.of("market", "orders");

    static String order(String body) {
        return order("@Table(name = \"orders\", schema = \"market\")", "Order", body);
    }

    static String order(String tableAnnotation, String className, String body) {
        return """
                package com.acme;

                import jakarta.persistence.*;
                import java.math.BigDecimal;

                @Entity
                %s
                public class %s {
                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;

                %s
                }
                """.formatted(tableAnnotation, className, body);
    }

    static final String SESSION = """
            package com.acme;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "trading_sessions", schema = "market")
            public class TradingSession {
                @Id
                @Column(name = "session_no")
                private Long number;
            }
            """;

    static Change column(QualifiedName table, String from, String to) {
        return new Change.RenameColumn(table, from, to);
    }

    static Stream<Arguments> cases() {
        String qty = "    @Column(name = \"qty\", precision = 19, scale = 8, nullable = false)\n    private BigDecimal qty;";
        return Stream.of(
                Arguments.of("nothing changed", Map.of(ORDER_PATH, order(qty)), Map.of(ORDER_PATH, order(qty)),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("@Column(name) changed",
                        Map.of(ORDER_PATH, order(qty)),
                        Map.of(ORDER_PATH, order(qty.replace("name = \"qty\"", "name = \"quantity\""))),
                        ColumnNaming.HIBERNATE, List.of(column(ORDERS, "qty", "quantity"))),
                Arguments.of("field renamed, implicit column name",
                        Map.of(ORDER_PATH, order("    @Column(precision = 19, scale = 8)\n    private BigDecimal qty;")),
                        Map.of(ORDER_PATH, order("    @Column(precision = 19, scale = 8)\n    private BigDecimal quantity;")),
                        ColumnNaming.HIBERNATE, List.of(column(ORDERS, "qty", "quantity"))),
                Arguments.of("field renamed, Spring naming makes snake_case",
                        Map.of(ORDER_PATH, order("    private BigDecimal limitPx;")),
                        Map.of(ORDER_PATH, order("    private BigDecimal limitPrice;")),
                        ColumnNaming.SPRING, List.of(column(ORDERS, "limit_px", "limit_price"))),
                Arguments.of("field renamed but the explicit column name kept: no rename at all",
                        Map.of(ORDER_PATH, order(qty)),
                        Map.of(ORDER_PATH, order(qty.replace("private BigDecimal qty", "private BigDecimal quantity"))),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("field renamed and its type changed: not a rename (a drop and an add, flagged as probable)",
                        Map.of(ORDER_PATH, order("    private BigDecimal qty;")),
                        Map.of(ORDER_PATH, order("    private Long quantity;")),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("field renamed and its mapping changed: not a rename",
                        Map.of(ORDER_PATH, order("    @Column(length = 20)\n    private String sym;")),
                        Map.of(ORDER_PATH, order("    @Column(length = 32)\n    private String symbol;")),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("two fields of one type renamed at once: ambiguous, no guess",
                        Map.of(ORDER_PATH, order("    private String a;\n    private String b;")),
                        Map.of(ORDER_PATH, order("    private String c;\n    private String d;")),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("@Table(name) changed",
                        Map.of(ORDER_PATH, order(qty)),
                        Map.of(ORDER_PATH, order("@Table(name = \"client_orders\", schema = \"market\")", "Order", qty)),
                        ColumnNaming.HIBERNATE, List.of(new Change.RenameTable(ORDERS, QualifiedName.of("market", "client_orders")))),
                Arguments.of("class renamed, table from the class name",
                        Map.of("com/acme/Fill.java", order("@Table(schema = \"market\")", "Fill", qty)),
                        Map.of("com/acme/Execution.java", order("@Table(schema = \"market\")", "Execution", qty)),
                        ColumnNaming.HIBERNATE, List.of(new Change.RenameTable(QualifiedName.of("market", "fill"),
                                QualifiedName.of("market", "execution")))),
                Arguments.of("class moved to another package with an explicit table: nothing to rename",
                        Map.of(ORDER_PATH, order(qty)),
                        Map.of("com/acme/orders/Order.java", order(qty).replace("package com.acme;", "package com.acme.orders;")),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("class renamed and a field renamed at once: the shapes differ, no guess",
                        Map.of("com/acme/Fill.java", order("", "Fill", "    private BigDecimal px;\n    private Long venueId;")),
                        Map.of("com/acme/Execution.java", order("", "Execution", "    private BigDecimal price;\n    private Long venueId;")),
                        ColumnNaming.SPRING, List.of()),
                Arguments.of("@Entity(name) gives the table; Spring naming applies to it",
                        Map.of(ORDER_PATH, order("@Entity(name = \"ClientOrder\")", "Order", qty).replace("@Entity\n@Entity", "@Entity")),
                        Map.of(ORDER_PATH, order("", "Order", qty).replace("@Entity\n", "@Entity(name = \"BrokerOrder\")\n")),
                        ColumnNaming.SPRING, List.of(new Change.RenameTable(QualifiedName.of("public", "client_order"),
                                QualifiedName.of("public", "broker_order")))),
                Arguments.of("association renamed: implicit join column from the target's @Id column",
                        Map.of(ORDER_PATH, order("    @ManyToOne\n    private TradingSession session;"),
                                "com/acme/TradingSession.java", SESSION),
                        Map.of(ORDER_PATH, order("    @ManyToOne\n    private TradingSession tradingSession;"),
                                "com/acme/TradingSession.java", SESSION),
                        ColumnNaming.SPRING, List.of(column(ORDERS, "session_session_no", "trading_session_session_no"))),
                Arguments.of("@JoinColumn(name) changed",
                        Map.of(ORDER_PATH, order("    @ManyToOne\n    @JoinColumn(name = \"session_id\", nullable = false)\n    private TradingSession session;"),
                                "com/acme/TradingSession.java", SESSION),
                        Map.of(ORDER_PATH, order("    @ManyToOne\n    @JoinColumn(name = \"trading_session_id\", nullable = false)\n    private TradingSession session;"),
                                "com/acme/TradingSession.java", SESSION),
                        ColumnNaming.HIBERNATE, List.of(column(ORDERS, "session_id", "trading_session_id"))),
                Arguments.of("a name from a constant cannot be read from source: no guess",
                        Map.of(ORDER_PATH, order("    @Column(name = Names.QTY)\n    private BigDecimal qty;")),
                        Map.of(ORDER_PATH, order("    @Column(name = Names.QUANTITY)\n    private BigDecimal qty;")),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("property access (annotations on getters): no guess",
                        Map.of(ORDER_PATH, order("    private BigDecimal qty;\n    @Column(name = \"qty\") public BigDecimal getQty() { return qty; }")),
                        Map.of(ORDER_PATH, order("    private BigDecimal quantity;\n    @Column(name = \"quantity\") public BigDecimal getQty() { return quantity; }")),
                        ColumnNaming.HIBERNATE, List.of()),
                Arguments.of("transient and static fields are not columns",
                        Map.of(ORDER_PATH, order("    @Transient\n    private String cache;\n    static String X;")),
                        Map.of(ORDER_PATH, order("    @Transient\n    private String memo;\n    static String Y;")),
                        ColumnNaming.HIBERNATE, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void detect(String name, Map<String, String> before, Map<String, String> after, ColumnNaming naming, List<Change> expected) {
        TreeSet<String> changed = new TreeSet<>();
        Map<String, String> all = new HashMap<>(before);
        all.putAll(after);
        all.keySet().stream().filter(p -> !Objects.equals(before.get(p), after.get(p))).forEach(changed::add);
        List<Renames.Request> found = HistoryRenames.detect(new SourceSnapshot(SourceTree.of(before), naming, null),
                new SourceSnapshot(SourceTree.of(after), naming, null), changed);
        assertEquals(expected, found.stream().map(Renames.Request::rename).toList());
        found.forEach(r -> assertEquals(Renames.Origin.HISTORY, r.origin()));
    }

    @Test
    void theReasonNamesTheFileAndTheField() {
        List<Renames.Request> found = HistoryRenames.detect(
                new SourceSnapshot(SourceTree.of(Map.of(ORDER_PATH, order("    private BigDecimal qty;"))), ColumnNaming.HIBERNATE, null),
                new SourceSnapshot(SourceTree.of(Map.of(ORDER_PATH, order("    private BigDecimal quantity;"))), ColumnNaming.HIBERNATE, null),
                List.of(ORDER_PATH));
        assertEquals("com/acme/Order.java: field Order.qty renamed to quantity", found.get(0).why());
    }
}
