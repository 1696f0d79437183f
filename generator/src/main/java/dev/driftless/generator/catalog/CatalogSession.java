package dev.driftless.generator.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The statements of one introspection, counted; every catalog query takes the same two scope parameters. */
final class CatalogSession {

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final List<String> schemas;
    private final List<String> skippedTables;
    private int queryCount;

    CatalogSession(Connection connection, List<String> schemas, List<String> skippedTables) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.schemas = schemas;
        this.skippedTables = skippedTables;
    }

    int queryCount() {
        return queryCount;
    }

    /**
     * {@code sql} for this server: {@code pg_index.indnullsnotdistinct} exists from PostgreSQL 15 on (before, nulls
     * are always distinct), so the placeholder becomes the column of index alias {@code alias}, or {@code false}.
     */
    String forServer(String sql, String alias) throws SQLException {
        boolean hasColumn = connection.getMetaData().getDatabaseMajorVersion() >= 15;
        return sql.replace("%NULLS_NOT_DISTINCT%", hasColumn ? alias + ".indnullsnotdistinct" : "false");
    }

    String searchPath() throws SQLException {
        return single("SELECT pg_catalog.current_setting('search_path')", List.of());
    }

    void setSearchPath(String path) throws SQLException {
        single("SELECT pg_catalog.set_config('search_path', ?, false)", List.of(path));
    }

    <T> List<T> list(String sql, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        forEachRow(sql, rs -> rows.add(mapper.map(rs)));
        return rows;
    }

    void forEachRow(String sql, RowReader reader) throws SQLException {
        queryCount++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            statement.setArray(2, connection.createArrayOf("text", skippedTables.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private String single(String sql, List<String> parameters) throws SQLException {
        queryCount++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
