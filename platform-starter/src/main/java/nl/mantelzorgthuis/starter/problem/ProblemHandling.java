package nl.mantelzorgthuis.starter.problem;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error as RFC 9457 problem+json. Framework exceptions (validation, unreadable body, type
 * mismatch, 404/405/406/415, size limits) are mapped here; field errors are listed under
 * {@code invalidParams} (name and reason). Nothing internal leaks. A service extends this class as
 * its {@code @RestControllerAdvice} and adds only the handlers of its own domain exceptions, each
 * marked with {@link ResponseStatus} so the OpenAPI document can name its status.
 */
public abstract class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
        List<InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new InvalidParam(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return invalid(params, new HttpHeaders(), request, e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; the request id in the X-Request-Id header helps us find it");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<InvalidParam> params = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new InvalidParam(f.getField(), f.getDefaultMessage())).toList();
        return invalid(params, headers, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidParam> params = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new InvalidParam(
                        err instanceof FieldError f ? f.getField() : sentName(r.getMethodParameter()),
                        err.getDefaultMessage())))
                .toList();
        return invalid(params, headers, request, ex);
    }

    /**
     * The name the client used: the @RequestParam/@PathVariable/@RequestHeader name when it differs from
     * the Java parameter's (per_page, not perPage), so the problem points at what was sent.
     */
    private static String sentName(org.springframework.core.MethodParameter parameter) {
        var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        var path = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        var header = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        Class<?> type = ex.getRequiredType();
        String reason = type != null && type.isEnum()
                ? "must be one of " + Arrays.toString(type.getEnumConstants())
                : "has the wrong type or format";
        return invalid(List.of(new InvalidParam(name, reason)), headers, request, ex);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge.getMessage());
                return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        // The parser's own message names Java types; clients get the field and the accepted values.
        if (ex.getMostSpecificCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            Class<?> target = mismatch.getTargetType();
            String reason = target != null && target.isEnum()
                    ? "must be one of " + Arrays.toString(target.getEnumConstants())
                    : "has the wrong type or format";
            return invalid(List.of(new InvalidParam(field, reason)), headers, request, ex);
        }
        String detail = ex.getMostSpecificCause() instanceof JacksonException json && json.getLocation() != null
                ? "The request body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                        + json.getLocation().getColumnNr() + ")"
                : "The request body is missing or is not valid JSON";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request body", detail);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A 400 listing the refused fields. */
    protected ResponseEntity<Object> invalid(List<InvalidParam> params, HttpHeaders headers, WebRequest request, Exception ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request has " + params.size() + " invalid field(s); see invalidParams");
        problem.setProperty("invalidParams", params);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A problem with {@code invalidParams}, e.g. for a domain rule's violations (422). */
    protected static ProblemDetail problem(HttpStatus status, String title, String detail, List<InvalidParam> params) {
        ProblemDetail problem = problem(status, title, detail);
        problem.setProperty("invalidParams", params);
        return problem;
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
