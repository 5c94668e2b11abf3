package nl.mantelzorgthuis.practiceservice.practice.domain;

/** The caller may not make this change: it concerns another organisation's or municipality's practice. */
public final class PracticeAccessDenied extends RuntimeException {

    public PracticeAccessDenied(String reason) {
        super(reason);
    }
}
