package dev.driftless.changelogs;

import dev.driftless.generator.adopt.AdoptionPoint;
import java.util.List;
import liquibase.changelog.RanChangeSet;

/**
 * The rows of {@code DATABASECHANGELOG} that were there when driftless adopted the database: those applied before the
 * adoption point's row. A project that adopted a database next to another tool's history in the same table (a
 * Liquibase project whose changelogs it does not include) has them recorded without their changesets; they are that
 * history, not changesets missing from the changelog.
 */
final class AdoptedHistory {

    private AdoptedHistory() {
    }

    /** How many of {@code ran} (oldest first) precede the adoption point's row; 0 when it is not applied. */
    static int rowsBefore(List<RanChangeSet> ran) {
        for (int i = ran.size() - 1; i >= 0; i--) {
            if (AdoptionPoint.is(ran.get(i).getId(), ran.get(i).getAuthor())) {
                return i;
            }
        }
        return 0;
    }
}
