package dev.driftless.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The date a rollback goes back to, as the command line and the Maven plugin both take it. */
public final class RollbackDates {

    private RollbackDates() {
    }

    /** A date alone means its start; without an offset the time is this machine's local time. */
    public static Instant parse(String text) {
        ZoneId zone = ZoneId.systemDefault();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                    } catch (DateTimeParseException e) {
                        throw new DriftlessException(ExitCode.USAGE, "cannot read the date '" + text
                                + "': use 2026-11-21, 2026-11-21T14:30 or 2026-11-21T14:30:00Z");
                    }
                }
            }
        }
    }
}
