package nl.mantelzorgthuis.notificationservice.access;

import nl.mantelzorgthuis.starter.problem.InvalidParam;
import nl.mantelzorgthuis.starter.problem.ProblemHandling;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** The notification rules' refusals as problem+json; the framework's are the starter's. */
@RestControllerAdvice
class NotificationProblems extends ProblemHandling {

    @ExceptionHandler(InvalidInput.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ResponseEntity<Object> invalidInput(InvalidInput e, WebRequest request) {
        return invalid(e.params().stream().map(p -> new InvalidParam(p.name(), p.reason())).toList(), new HttpHeaders(), request, e);
    }

    @ExceptionHandler(NotAllowed.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail notAllowed(NotAllowed e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }
}
