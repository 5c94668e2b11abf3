package nl.mantelzorgthuis.identity.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Refusals rendered as RFC 9457 problem+json by Spring's error handling. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
