package com.acme;

import static dev.driftless.junit.DriftlessAssertions.assertSchemaMatchesModel;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaMatchesEntitiesTest {

    static DataSource dataSource;

    @BeforeAll
    static void migrateTheTestDatabase() {
        dataSource = AcmeTestDatabase.migrated(); // yours: Testcontainers, embedded, a CI service, migrated as in production
    }

    @Test
    void theSchemaMatchesTheEntities() {
        assertSchemaMatchesModel(dataSource, "com.acme.domain");
    }
}
