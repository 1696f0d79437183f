package dev.driftless.generator.devdb;

import java.sql.SQLException;
import java.util.List;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Each DDL command must be exactly one statement. A name in the entities is pasted into Hibernate's DDL as written, so
 * {@code @Table(name = "x (id int); create table evil (id int); create table y")} makes one command that is three
 * statements; run as it is, it would put {@code evil} into the desired schema, and from there into a changelog.
 * The command is split the way the PostgreSQL driver itself splits it before sending (quotes, dollar quotes,
 * comments and all), so what is checked is exactly what would run.
 */
public final class SingleStatements {

    private SingleStatements() {
    }

    /** @throws IllegalArgumentException naming the command when it holds more than one statement */
    public static void require(String command) {
        if (statements(command) > 1) {
            throw new IllegalArgumentException("this DDL command holds more than one statement: "
                    + dev.driftless.generator.render.UnsafeText.printable(command));
        }
    }

    private static long statements(String command) {
        try {
            List<NativeQuery> parsed = Parser.parseJdbcSql(command, true, false, true, false, false);
            return parsed.stream().filter(q -> !q.nativeSql.isBlank()).count();
        } catch (SQLException e) {
            // the driver could not read it either, so it would not send it: PostgreSQL's error says more
            return 1;
        }
    }
}
