package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeEquivalenceTest {

    @ParameterizedTest(name = "{0} vs {1}: same={2}")
    @CsvSource(delimiter = '|', value = {
            "timestamp without time zone|timestamp(6) without time zone|true",
            "timestamp with time zone|timestamp(6) with time zone|true",
            "time without time zone|time(6) without time zone|true",
            "time with time zone|time(6) with time zone|true",
            "interval|interval(6)|true",
            "timestamp without time zone[]|timestamp(6) without time zone[]|true",
            "timestamp(3) without time zone|timestamp without time zone|false",
            "timestamp(6) without time zone|timestamp(6) with time zone|false",
            "interval(3)|interval|false",
            "character varying(255)|character varying|false"})
    void precisionLessTimeTypesAreTheMaximumPrecision(String a, String b, boolean same) {
        assertEquals(same, TypeEquivalence.same(a, b));
        assertEquals(same, TypeEquivalence.same(b, a));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "timestamp without time zone|timestamp(6) without time zone|0",
            "timestamp(3) without time zone|timestamp(6) without time zone|1"})
    void theDifferWritesNoTypeChangeForASpellingOnlyDifference(String actualType, String desiredType, int changes) {
        QualifiedName name = new QualifiedName("public", "trades");
        Schema actual = new Schema(List.of("public"), List.of(Table.of(name, List.of(Column.of("executed_at", actualType, true)), null)), List.of());
        Schema desired = new Schema(List.of("public"), List.of(Table.of(name, List.of(Column.of("executed_at", desiredType, true)), null)), List.of());
        assertEquals(changes, new SchemaDiffer().diff(actual, desired).changes().size());
    }
}
