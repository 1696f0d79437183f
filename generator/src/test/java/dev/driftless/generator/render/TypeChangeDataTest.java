package dev.driftless.generator.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each data-loss case of issue 10, on a real PostgreSQL: the type change {@code diff} writes for an existing, populated
 * table (online form, as generated) is applied to a value that does not fit, and must fail with the value still there;
 * then to a value that fits, and must keep it exactly. No case may cut, round or reinterpret silently.
 */
class TypeChangeDataTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("character varying(60)", "character varying(40)", "'" + "x".repeat(50) + "'", "'" + "y".repeat(40) + "'"),
                Arguments.of("text", "character varying(255)", "'" + "x".repeat(300) + "'", "'short'"),
                Arguments.of("bigint", "integer", "5000000000", "2147483647"),
                Arguments.of("integer", "smallint", "40000", "-32768"),
                Arguments.of("numeric(19,4)", "numeric(10,4)", "123456789.1234", "123456.1234"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void failsOnAValueThatDoesNotFitAndKeepsOneThatDoes(String from, String to, String tooBig, String fits) throws SQLException {
        TestDatabase database = TestPostgres.freshDatabase();
        QualifiedName table = QualifiedName.of("public", "holder");
        List<ChangeSet> sets = new ChangelogRenderer().changeSets("1", List.of(new Change.AlterColumnType(table, "v", from, to)));
        assertEquals(1, sets.size());
        String sql = sets.get(0).sql();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE holder (id int PRIMARY KEY, v " + from + ")");
            statement.execute("INSERT INTO holder VALUES (1, " + tooBig + ")");
            String stored = value(statement);

            connection.setAutoCommit(false);
            assertThrows(SQLException.class, () -> statement.execute(sql), sql);
            connection.rollback();
            connection.setAutoCommit(true);
            assertEquals(stored, value(statement), "the value that does not fit is still there, whole");

            statement.execute("UPDATE holder SET v = " + fits);
            String fitting = value(statement);
            connection.setAutoCommit(false);
            statement.execute(sql);
            connection.commit();
            connection.setAutoCommit(true);
            assertEquals(fitting, value(statement), "a value that fits is kept exactly");
        }
    }

    private static String value(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("SELECT v::text FROM holder")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
