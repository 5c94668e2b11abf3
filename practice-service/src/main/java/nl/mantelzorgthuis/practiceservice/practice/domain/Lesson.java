package nl.mantelzorgthuis.practiceservice.practice.domain;

import java.time.LocalDate;

/** A lesson learned (geleerde les) the practice wants others to know. */
public record Lesson(String title, String description, LocalDate recordedOn) {
}
