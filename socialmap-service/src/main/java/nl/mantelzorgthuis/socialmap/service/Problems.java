package nl.mantelzorgthuis.socialmap.service;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** HTTP-level refusals of the social-map API, rendered as problem+json by Spring's error handling. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    static ErrorResponseException notFound(String id) {
        return of(HttpStatus.NOT_FOUND, "Service not found", "No service with id " + id);
    }

    /** The client's copy (If-Match) is older than the stored service: someone else changed it first. */
    static ErrorResponseException stale(String id, long expected, long current) {
        return of(HttpStatus.PRECONDITION_FAILED, "Service was changed by someone else",
                "Service " + id + " is at version " + current + ", the request expected version " + expected
                        + "; fetch it again and reapply the change");
    }
}
