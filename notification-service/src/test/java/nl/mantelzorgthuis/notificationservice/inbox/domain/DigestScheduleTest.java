package nl.mantelzorgthuis.notificationservice.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void daily_digest_goes_at_the_chosen_local_time_today_or_tomorrow() {
        Instant morning = Instant.parse("2026-11-23T06:00:00Z"); // 07:00 in Amsterdam
        assertThat(DigestSchedule.next(EmailFrequency.DAILY, LocalTime.of(8, 0), DayOfWeek.MONDAY, AMSTERDAM, morning))
                .isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        Instant afternoon = Instant.parse("2026-11-23T13:00:00Z");
        assertThat(DigestSchedule.next(EmailFrequency.DAILY, LocalTime.of(8, 0), DayOfWeek.MONDAY, AMSTERDAM, afternoon))
                .isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    }

    @Test
    void keeps_the_local_time_across_daylight_saving_time() {
        Instant beforeSwitch = Instant.parse("2027-03-27T12:00:00Z"); // clocks go forward on 28 March 2027
        assertThat(DigestSchedule.next(EmailFrequency.DAILY, LocalTime.of(8, 0), DayOfWeek.MONDAY, AMSTERDAM, beforeSwitch))
                .isEqualTo(Instant.parse("2027-03-28T06:00:00Z"));
    }

    @Test
    void weekly_digest_goes_on_the_chosen_weekday() {
        Instant mondayNoon = Instant.parse("2026-11-23T11:00:00Z");
        assertThat(DigestSchedule.next(EmailFrequency.WEEKLY, LocalTime.of(9, 30), DayOfWeek.FRIDAY, AMSTERDAM, mondayNoon))
                .isEqualTo(Instant.parse("2026-11-27T08:30:00Z"));
        assertThat(DigestSchedule.next(EmailFrequency.WEEKLY, LocalTime.of(9, 30), DayOfWeek.MONDAY, AMSTERDAM, mondayNoon))
                .isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
        assertThat(DigestSchedule.next(EmailFrequency.WEEKLY, LocalTime.of(9, 30), DayOfWeek.MONDAY, ZoneId.of("America/New_York"), mondayNoon))
                .isEqualTo(Instant.parse("2026-11-23T14:30:00Z"));
    }

    @Test
    void no_digest_for_immediate_or_off() {
        assertThat(DigestSchedule.next(EmailFrequency.IMMEDIATE, LocalTime.NOON, DayOfWeek.MONDAY, AMSTERDAM, Instant.now())).isNull();
    }
}
