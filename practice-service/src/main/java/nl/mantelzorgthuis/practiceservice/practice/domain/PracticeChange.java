package nl.mantelzorgthuis.practiceservice.practice.domain;

/** What happened to a practice; each accepted change yields exactly one, published as an event. */
public enum PracticeChange {
    CREATED,
    UPDATED,
    ARCHIVED
}
