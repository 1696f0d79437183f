package dev.driftless.changelogs.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of contents a restore runs, as {@code pg_restore --list} of PostgreSQL 15 prints it. */
class RestoreListTest {

    private static final String TOC = """
            ;
            ; Archive created at 2026-12-07 17:55:01 UTC
            ;
            7; 2615 16388 SCHEMA - app migrator
            3347; 0 0 COMMENT - SCHEMA app migrator
            6; 2615 16389 SCHEMA - my app migrator
            8; 2615 16391 SCHEMA - reports migrator
            216; 1259 16390 TABLE app accounts migrator
            3340; 0 16390 TABLE DATA app accounts migrator
            """;

    @Test
    void schemasTheTargetHasAreNotReCreatedButTheirObjectsAreRestored() {
        assertEquals("""
                ;
                ; Archive created at 2026-12-07 17:55:01 UTC
                ;
                3347; 0 0 COMMENT - SCHEMA app migrator
                8; 2615 16391 SCHEMA - reports migrator
                216; 1259 16390 TABLE app accounts migrator
                3340; 0 16390 TABLE DATA app accounts migrator
                """, RestoreList.without(TOC, Set.of("app", "my app", "public")));
    }

    @Test
    void aTableNamedLikeASchemaIsNotTakenForOne() {
        assertEquals(TOC, RestoreList.without(TOC, Set.of("accounts", "16390")));
    }
}
