package nl.mantelzorgthuis.practiceservice.practice;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The client's copy (If-Match) is older than the stored practice: someone else changed it first. */
final class StalePractice extends ErrorResponseException {

    StalePractice(String id, long expected, long current) {
        super(HttpStatus.PRECONDITION_FAILED, PracticeNotFound.problem(HttpStatus.PRECONDITION_FAILED,
                "Practice was changed by someone else",
                "Practice " + id + " is at version " + current + ", the request expected version " + expected
                        + "; fetch it again and reapply the change"), null);
    }
}
