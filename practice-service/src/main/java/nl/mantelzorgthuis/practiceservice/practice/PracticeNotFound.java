package nl.mantelzorgthuis.practiceservice.practice;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

final class PracticeNotFound extends ErrorResponseException {

    PracticeNotFound(String id) {
        super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Practice not found", "No practice with id " + id), null);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
