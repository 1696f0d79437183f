package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: (database schema, model schema, the renames found as they describe themselves). */
class CaseOnlyRenamesTest {

    static final QualifiedName QUOTED = new QualifiedName("public", "OrderLine");
    static final QualifiedName FOLDED = new QualifiedName("public", "orderline");
    static final QualifiedName UPPER = new QualifiedName("public", "ORDERLINE");

    static Stream<Arguments> cases() {
        Column id = Column.of("id", "bigint", false);
        return Stream.of(
                Arguments.of("a quoted table and its columns",
                        schema(RenamesTest.table(QUOTED, id, Column.of("unitPrice", "numeric(12,2)", true))),
                        schema(RenamesTest.table(FOLDED, id, Column.of("unitprice", "numeric(12,2)", true))),
                        List.of("rename table public.OrderLine to public.orderline",
                                "rename column public.OrderLine.unitPrice to unitprice")),
                Arguments.of("a column of a table both have",
                        schema(RenamesTest.table(FOLDED, id, Column.of("Name", "text", true))),
                        schema(RenamesTest.table(FOLDED, id, Column.of("name", "text", true))),
                        List.of("rename column public.orderline.Name to name")),
                Arguments.of("two database tables fold to the model's name: neither is taken",
                        schema(RenamesTest.table(QUOTED, id), RenamesTest.table(UPPER, id)),
                        schema(RenamesTest.table(FOLDED, id)),
                        List.of()),
                Arguments.of("names the model also has are left alone",
                        schema(RenamesTest.table(QUOTED, id), RenamesTest.table(FOLDED, id)),
                        schema(RenamesTest.table(FOLDED, id)),
                        List.of()),
                Arguments.of("names that differ in more than case are not case renames",
                        schema(RenamesTest.table(new QualifiedName("public", "order_line"), id)),
                        schema(RenamesTest.table(FOLDED, id)),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsOnlyUniqueCaseOnlyPairs(String name, Schema actual, Schema desired, List<String> renames) {
        assertEquals(renames, CaseOnlyRenames.find(actual, desired).stream().map(r -> r.rename().describe()).toList());
    }

    @org.junit.jupiter.api.Test
    void aTableTheDiffIgnoresIsNotRenamed() {
        Column id = Column.of("id", "bigint", false);
        assertEquals(List.of(), CaseOnlyRenames.find(schema(RenamesTest.table(QUOTED, id)), schema(RenamesTest.table(FOLDED, id)),
                new DiffOptions(false, List.of("OrderLine"))));
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of("public"), List.of(tables), List.of());
    }
}
