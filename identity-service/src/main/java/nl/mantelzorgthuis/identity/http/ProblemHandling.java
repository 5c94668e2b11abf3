package nl.mantelzorgthuis.identity.http;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Validation errors as problem+json with invalidParams, like every service of the platform. */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    record InvalidParam(String name, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<InvalidParam> params = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidParam(f.getField(), f.getDefaultMessage())).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + params.size() + " invalid field(s); see invalidParams");
        problem.setTitle("Invalid request");
        problem.setProperty("invalidParams", params);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
