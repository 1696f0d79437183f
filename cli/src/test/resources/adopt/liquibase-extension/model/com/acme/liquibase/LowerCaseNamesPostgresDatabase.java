package com.acme.liquibase;

import java.util.Locale;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.database.core.PostgresDatabase;
import liquibase.structure.DatabaseObject;

/**
 * The project's PostgreSQL for Liquibase: a mixed-case name in a changelog ({@code OrderLine}) becomes the lower-case
 * name PostgreSQL would fold it to, instead of a quoted, case-sensitive one.
 */
public class LowerCaseNamesPostgresDatabase extends PostgresDatabase {

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public String escapeObjectName(String objectName, Class<? extends DatabaseObject> objectType) {
        if (objectName != null && getObjectQuotingStrategy() == ObjectQuotingStrategy.LEGACY
                && objectName.matches("[A-Za-z_][A-Za-z0-9_]*") && !isReservedWord(objectName)) {
            return objectName.toLowerCase(Locale.ROOT);
        }
        return super.escapeObjectName(objectName, objectType);
    }
}
