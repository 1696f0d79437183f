package dev.driftless.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The dates rollback takes, shared by the command line (--to-date) and the Maven plugin (driftless.toDate). */
class RollbackDatesTest {

    @Test
    void anInstantOrAnOffsetIsExact() {
        assertEquals(Instant.parse("2026-11-21T14:30:00Z"), RollbackDates.parse("2026-11-21T14:30:00Z"));
        assertEquals(Instant.parse("2026-11-21T12:30:00Z"), RollbackDates.parse("2026-11-21T14:30:00+02:00"));
    }

    @Test
    void withoutAnOffsetTheTimeIsLocalAndADateAloneIsItsStart() {
        ZoneId zone = ZoneId.systemDefault();
        assertEquals(LocalDateTime.parse("2026-11-21T14:30").atZone(zone).toInstant(), RollbackDates.parse("2026-11-21T14:30"));
        assertEquals(LocalDate.parse("2026-11-21").atStartOfDay(zone).toInstant(), RollbackDates.parse("2026-11-21"));
    }

    @Test
    void anythingElseIsAUsageErrorSayingWhatToWrite() {
        DriftlessException e = assertThrows(DriftlessException.class, () -> RollbackDates.parse("yesterday"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("cannot read the date 'yesterday'"), e.getMessage());
        assertTrue(e.getMessage().contains("2026-11-21T14:30:00Z"), e.getMessage());
    }
}
