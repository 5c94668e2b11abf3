package nl.mantelzorgthuis.practiceservice.practice.domain;

/** A lerende praktijk (about two years, several organisations of a region) or a praktijkversneller. */
public enum PracticeKind {
    LEARNING_PRACTICE,
    /** At least three organisations, about one year, one specific question. */
    PRACTICE_ACCELERATOR
}
