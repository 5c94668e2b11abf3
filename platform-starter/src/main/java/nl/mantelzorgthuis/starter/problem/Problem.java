package nl.mantelzorgthuis.starter.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An HTTP-level refusal, rendered as RFC 9457 problem+json by Spring's error handling. One type per
 * status, each marked with {@link ResponseStatus}, so the OpenAPI document can name a status from the
 * exception types an operation declares, and a test can check the declaration against the code.
 */
public abstract sealed class Problem extends ErrorResponseException {

    Problem(HttpStatus status, String title, String detail) {
        super(status, body(status, title, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** Adds an extension member to the problem (e.g. {@code allowedTransitions}). */
    public Problem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public static final class BadRequest extends Problem {
        public BadRequest(String title, String detail) {
            super(HttpStatus.BAD_REQUEST, title, detail);
        }
    }

    @ResponseStatus(HttpStatus.FORBIDDEN)
    public static final class Forbidden extends Problem {
        public Forbidden(String title, String detail) {
            super(HttpStatus.FORBIDDEN, title, detail);
        }
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    public static final class NotFound extends Problem {
        public NotFound(String title, String detail) {
            super(HttpStatus.NOT_FOUND, title, detail);
        }
    }

    @ResponseStatus(HttpStatus.CONFLICT)
    public static final class Conflict extends Problem {
        public Conflict(String title, String detail) {
            super(HttpStatus.CONFLICT, title, detail);
        }
    }

    @ResponseStatus(HttpStatus.PRECONDITION_FAILED)
    public static final class PreconditionFailed extends Problem {
        public PreconditionFailed(String title, String detail) {
            super(HttpStatus.PRECONDITION_FAILED, title, detail);
        }
    }

    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    public static final class ContentTooLarge extends Problem {
        public ContentTooLarge(String title, String detail) {
            super(HttpStatus.CONTENT_TOO_LARGE, title, detail);
        }
    }

    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    public static final class Unprocessable extends Problem {
        public Unprocessable(String title, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, title, detail);
        }
    }

    @ResponseStatus(HttpStatus.PRECONDITION_REQUIRED)
    public static final class PreconditionRequired extends Problem {
        public PreconditionRequired(String title, String detail) {
            super(HttpStatus.PRECONDITION_REQUIRED, title, detail);
        }
    }
}
