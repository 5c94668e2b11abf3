package nl.mantelzorgthuis.practiceservice.practice;

import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeKind;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeStatus;

/** Filters of the practice list; null means "any". Without a status filter archived practices are left out. */
record PracticeSearch(PracticeKind kind, String region, String municipality, String organisation,
        PracticeStatus status, String text, int page, int pageSize) {
}
