package nl.mantelzorgthuis.notificationservice.inbox.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a person's next digest goes out: the first moment after {@code after} at their chosen local
 * time (and weekday for a weekly digest) in their time zone. Computed on the local calendar, so a
 * digest at 08:00 stays at 08:00 across daylight saving changes; a time that does not exist on the
 * day clocks go forward moves to the first valid moment after it.
 */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    public static Instant next(EmailFrequency frequency, LocalTime at, DayOfWeek day, ZoneId zone, Instant after) {
        ZonedDateTime local = after.atZone(zone);
        return switch (frequency) {
            case DAILY -> {
                ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
                yield (candidate.toInstant().isAfter(after) ? candidate : local.toLocalDate().plusDays(1).atTime(at).atZone(zone)).toInstant();
            }
            case WEEKLY -> {
                ZonedDateTime candidate = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(at).atZone(zone);
                yield (candidate.toInstant().isAfter(after) ? candidate
                        : local.toLocalDate().with(TemporalAdjusters.next(day)).atTime(at).atZone(zone)).toInstant();
            }
            default -> null;
        };
    }
}
