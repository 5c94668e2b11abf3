package nl.mantelzorgthuis.practiceservice.practice.domain;

/** An archived practice is kept for reference and can no longer be changed. */
public final class PracticeArchived extends RuntimeException {

    public PracticeArchived(String practiceId) {
        super("Practice " + practiceId + " is archived and can no longer be changed");
    }
}
