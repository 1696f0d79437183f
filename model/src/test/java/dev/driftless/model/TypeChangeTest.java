package dev.driftless.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftless.model.TypeChange.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: (from, to, what the change does to the values). */
class TypeChangeTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("character varying(40)", "character varying(120)", Kind.WIDENS),
                Arguments.of("character varying(60)", "character varying(40)", Kind.NARROWS),
                Arguments.of("text", "character varying(255)", Kind.NARROWS),
                Arguments.of("character varying(255)", "text", Kind.WIDENS),
                Arguments.of("character varying(255)", "character varying", Kind.WIDENS),
                Arguments.of("bigint", "integer", Kind.NARROWS),
                Arguments.of("integer", "bigint", Kind.CONVERTS),
                Arguments.of("double precision", "real", Kind.NARROWS),
                Arguments.of("numeric(19,4)", "numeric(10,2)", Kind.NARROWS),
                Arguments.of("numeric(10,2)", "numeric(19,2)", Kind.WIDENS),
                Arguments.of("numeric(10,2)", "numeric(19,6)", Kind.CONVERTS),
                Arguments.of("timestamp(6) without time zone", "timestamp(3) without time zone", Kind.NARROWS),
                Arguments.of("timestamp(3) with time zone", "timestamp(6) with time zone", Kind.WIDENS),
                Arguments.of("timestamp(6) without time zone", "timestamp(6) with time zone", Kind.CONVERTS),
                Arguments.of("text", "oid", Kind.REINTERPRETS),
                Arguments.of("oid", "text", Kind.REINTERPRETS),
                Arguments.of("text", "bytea", Kind.REINTERPRETS),
                Arguments.of("integer", "boolean", Kind.REINTERPRETS),
                Arguments.of("character varying(10)", "integer", Kind.CONVERTS),
                Arguments.of("integer", "character varying(255)", Kind.CONVERTS));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("cases")
    void classifies(String from, String to, Kind kind) {
        assertEquals(kind, TypeChange.of(from, to).kind());
    }

    /** (from, to, whether PostgreSQL's cast would round a stored value, where other narrowings fail on it). */
    static Stream<Arguments> rounding() {
        return Stream.of(
                Arguments.of("numeric(19,4)", "numeric(10,2)", true),
                Arguments.of("numeric", "numeric(38,2)", true),
                Arguments.of("numeric(10,2)", "numeric(8,2)", false),
                Arguments.of("numeric(10,2)", "numeric(19,6)", false),
                Arguments.of("timestamp(6) without time zone", "timestamp(3) without time zone", true),
                Arguments.of("timestamp with time zone", "timestamp(0) with time zone", true),
                Arguments.of("time(6) without time zone", "time(2) without time zone", true),
                Arguments.of("interval", "interval(3)", true),
                Arguments.of("timestamp(3) with time zone", "timestamp(6) with time zone", false),
                Arguments.of("double precision", "real", true),
                Arguments.of("bigint", "integer", false),
                Arguments.of("character varying(60)", "character varying(40)", false),
                Arguments.of("numeric(19,4)[]", "numeric(10,2)[]", false));
    }

    @ParameterizedTest(name = "{0} → {1}: rounds {2}")
    @MethodSource("rounding")
    void roundsOnlyDecimalsFractionalSecondsAndFloatDigits(String from, String to, boolean rounds) {
        assertEquals(rounds, TypeChange.of(from, to).rounds());
    }

    /** (from, to, whether PostgreSQL's assignment cast converts without a USING, so a value that does not fit fails). */
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("numeric(10,2)", "numeric(19,6)", true),
                Arguments.of("integer", "bigint", true),
                Arguments.of("real", "double precision", true),
                Arguments.of("text", "character(10)", true),
                Arguments.of("timestamp(3) without time zone", "timestamp(6) without time zone", true),
                Arguments.of("timestamp(6) without time zone", "timestamp(6) with time zone", false),
                Arguments.of("character varying(10)", "integer", false),
                Arguments.of("integer", "integer[]", false));
    }

    @ParameterizedTest(name = "{0} → {1}: same family {2}")
    @MethodSource("families")
    void sameFamily(String from, String to, boolean same) {
        assertEquals(same, TypeChange.sameFamily(from, to));
    }
}
