package nl.mantelzorgthuis.practiceservice.practice.domain;

public enum PracticeStatus {
    PLANNED,
    ACTIVE,
    COMPLETED,
    /** Set only by archiving; an archived practice is read-only. */
    ARCHIVED
}
