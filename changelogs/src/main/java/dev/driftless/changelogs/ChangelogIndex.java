package dev.driftless.changelogs;

import dev.driftless.generator.cache.DerivedCache;
import dev.driftless.generator.cache.Fingerprint;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a changelog directory holds, changeset by changeset with its checksum, so that the common questions — is
 * anything pending, was an applied changeset edited — can be answered from {@code DATABASECHANGELOG} alone when the
 * answer is "no". Parsing a changelog through Liquibase takes seconds at thousands of changesets; the index is kept in
 * the project's cache under a fingerprint of the files, so an unchanged changelog is parsed once.
 *
 * <p>Only the certain answers are given here: when a row does not match a changeset exactly (another path spelling, an
 * older checksum version, a changeset not applied yet), callers ask Liquibase as before.
 */
public record ChangelogIndex(List<Entry> entries) implements Serializable {

    /**
     * @param storedFile  the file name Liquibase writes into {@code DATABASECHANGELOG} (logical path aware)
     * @param destructive its comment carries driftless's {@link PlannedChangeset#DESTRUCTIVE_MARKER}
     */
    public record Entry(ChangesetRef changeset, String storedFile, String checksum, boolean destructive) implements Serializable {
    }

    /** One row of {@code DATABASECHANGELOG}. */
    public record Applied(String file, String id, String author, String checksum) {
    }

    public ChangelogIndex {
        entries = List.copyOf(entries);
    }

    /** The index of the changelogs under {@code directory}: from the cache, else parsed once and cached. */
    public static ChangelogIndex of(Path directory, String masterFile, Connection connection, DerivedCache cache) {
        return of(directory, masterFile, ChangesetFilter.ALL, LiquibaseExtensions.NONE, connection, cache);
    }

    /** As {@link #of(Path, String, Connection, DerivedCache)}: the changesets these contexts and labels select. */
    public static ChangelogIndex of(Path directory, String masterFile, ChangesetFilter filter,
                                    LiquibaseExtensions extensions, Connection connection, DerivedCache cache) {
        String key = Fingerprint.of("driftless-changelog-index-v2").codeOf(ChangelogIndex.class)
                .text(liquibase.util.LiquibaseUtil.getBuildVersion()).text(masterFile)
                .text(String.valueOf(filter.contexts())).text(String.valueOf(filter.labels())).text(extensions.fingerprint())
                .contents(directory).hex();
        return cache.get("changelog", key, ChangelogIndex.class).orElseGet(() -> {
            ChangelogIndex index = new ChangelogVerifier(directory, masterFile, filter, extensions).index(connection);
            cache.put("changelog", key, index);
            return index;
        });
    }

    /** The rows of {@code DATABASECHANGELOG} in the connection's schema; none when the table does not exist. Reads only. */
    public static List<Applied> applied(Connection connection) throws SQLException {
        return applied(connection, Bookkeeping.CURRENT);
    }

    /** As {@link #applied(Connection)}, from the table in {@code schema}. */
    static List<Applied> applied(Connection connection, Bookkeeping schema) throws SQLException {
        List<Applied> rows = new ArrayList<>();
        String table = schema.qualified(connection, schema.changelogTable());
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + table.replace("'", "''")
                    + "') IS NOT NULL")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return rows;
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT filename, id, author, md5sum FROM " + table)) {
                while (rs.next()) {
                    rows.add(new Applied(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /** Whether every changeset has a row of exactly its file, id and author: then nothing is pending. */
    public boolean allApplied(List<Applied> rows) {
        return unrecorded(rows).isEmpty();
    }

    /** The changesets without a row of exactly their file, id and author: the pending ones are among them. */
    public List<Entry> unrecorded(List<Applied> rows) {
        Map<String, Applied> recorded = byIdentity(rows);
        return entries.stream().filter(e -> find(recorded, e) == null).toList();
    }

    /**
     * Whether every row is a changeset of this changelog with exactly the checksum its text has now: then no applied
     * changeset was edited. {@code false} means "ask Liquibase", not "edited".
     */
    public boolean noneEdited(List<Applied> rows) {
        Map<String, Applied> recorded = byIdentity(rows);
        int matched = 0;
        for (Entry entry : entries) {
            Applied row = find(recorded, entry);
            if (row != null) {
                if (row.checksum() != null && !row.checksum().equals(entry.checksum())) {
                    return false;
                }
                matched++;
            }
        }
        return matched == rows.size();
    }

    private static Map<String, Applied> byIdentity(List<Applied> rows) {
        Map<String, Applied> byIdentity = new HashMap<>();
        rows.forEach(r -> byIdentity.put(identity(r.file(), r.id(), r.author()), r));
        return byIdentity;
    }

    private static Applied find(Map<String, Applied> recorded, Entry entry) {
        ChangesetRef c = entry.changeset();
        Applied row = recorded.get(identity(c.file(), c.id(), c.author()));
        if (row == null && entry.storedFile() != null && !Objects.equals(entry.storedFile(), c.file())) {
            row = recorded.get(identity(entry.storedFile(), c.id(), c.author()));
        }
        return row;
    }

    private static String identity(String file, String id, String author) {
        return file + '\u0000' + id + '\u0000' + author;
    }
}
