package com.acme;

import dev.driftless.api.Driftless;
import dev.driftless.testing.TestDatabase;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The documented example's test database: a fresh PostgreSQL migrated the way a project migrates production, here
 * with driftless's own generated changelog (diff, then apply) in a scratch project folder.
 */
final class AcmeTestDatabase {

    private AcmeTestDatabase() {
    }

    static DataSource migrated() {
        TestDatabase database = TestPostgres.freshDatabase();
        DataSource dataSource = JavaApiExampleTest.dataSourceOf(database);
        try {
            Path project = Files.createTempDirectory("acme-");
            Driftless driftless = Driftless.configure().dataSource(dataSource).entityPackages("com.acme.domain")
                    .projectDirectory(project).devUrl(database.devUrl()).load();
            driftless.diff();
            driftless.apply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataSource;
    }
}
