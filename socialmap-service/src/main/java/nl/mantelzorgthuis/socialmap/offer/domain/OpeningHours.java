package nl.mantelzorgthuis.socialmap.offer.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly opening period (HSDS schedule with freq WEEKLY, byday, opens_at, closes_at). */
public record OpeningHours(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {

    public boolean isOpenAt(DayOfWeek when, LocalTime time) {
        return day == when && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }
}
