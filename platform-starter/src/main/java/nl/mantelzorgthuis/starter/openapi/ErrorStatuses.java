package nl.mantelzorgthuis.starter.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.mantelzorgthuis.starter.security.ApiAccess;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * The error statuses an operation can answer, derived from what its handler really does rather than
 * guessed from its path: the exceptions the controller method declares ({@code throws}), mapped to a
 * status by {@link ResponseStatus} on the exception type or on the advice's handler for it; its
 * inputs (unsupported body 415, upload size 413, If-Match 412/428); the {@link ApiAccess} rules
 * (401, 403); and 400 and 500, which any call can meet.
 */
public final class ErrorStatuses {

    private final List<Class<?>> adviceTypes;

    /** @param adviceTypes the controller advice classes whose {@code @ExceptionHandler}s map domain exceptions */
    public ErrorStatuses(Collection<Class<?>> adviceTypes) {
        this.adviceTypes = List.copyOf(adviceTypes);
    }

    /** Status code → the reasons (exception names or input kinds) behind it, in status order. */
    public Map<Integer, Set<String>> of(HttpMethod method, String pathTemplate, HandlerMethod handler, ApiAccess access) {
        Map<Integer, Set<String>> statuses = new TreeMap<>();
        Method java = handler.getMethod();
        for (Class<?> thrown : java.getExceptionTypes()) {
            if (!RuntimeException.class.isAssignableFrom(thrown)) {
                continue; // checked exceptions (I/O) are the unexpected 500 every operation has
            }
            add(statuses, statusOf(thrown, handler), thrown.getSimpleName());
        }
        // Any request may be invalid: its URL may hold what the firewall refuses (encoded slash, NUL, "..",
        // ';'), its parameters and body may fail conversion or validation. So 400 everywhere.
        add(statuses, 400, "request");
        for (Parameter parameter : java.getParameters()) {
            inputStatuses(parameter, statuses);
        }
        switch (access.requirement(method, pathTemplate)) {
            case NONE -> { }
            case TOKEN -> add(statuses, 401, "no valid token");
            case ROLE -> {
                add(statuses, 401, "no valid token");
                add(statuses, 403, "role");
            }
        }
        add(statuses, 500, "unexpected");
        return statuses;
    }

    /** The status a declared exception type is answered with; an undeclared mapping fails fast. */
    public int statusOf(Class<?> thrown, HandlerMethod handler) {
        ResponseStatus onType = AnnotatedElementUtils.findMergedAnnotation(thrown, ResponseStatus.class);
        if (onType != null) {
            return onType.code().value();
        }
        for (Class<?> advice : adviceTypes) {
            @SuppressWarnings("unchecked")
            Method handlerMethod = new ExceptionHandlerMethodResolver(advice)
                    .resolveMethodByExceptionType((Class<? extends Throwable>) thrown);
            if (handlerMethod != null) {
                ResponseStatus onHandler = AnnotatedElementUtils.findMergedAnnotation(handlerMethod, ResponseStatus.class);
                if (onHandler != null) {
                    return onHandler.code().value();
                }
            }
        }
        throw new IllegalStateException(handler.getShortLogMessage() + " declares " + thrown.getName()
                + ", but neither the type nor an @ExceptionHandler for it carries @ResponseStatus");
    }

    /** What an input adds beyond the 400 every operation has: 415 for a body, 413 for an upload, 412/428 for If-Match. */
    private static void inputStatuses(Parameter parameter, Map<Integer, Set<String>> statuses) {
        RequestHeader header = parameter.getAnnotation(RequestHeader.class);
        if (parameter.isAnnotationPresent(RequestBody.class)) {
            add(statuses, 415, "body");
        } else if (parameter.isAnnotationPresent(RequestPart.class)
                || parameter.getType().getName().equals("org.springframework.web.multipart.MultipartFile")) {
            add(statuses, 413, "upload");
        } else if (header != null && (HttpHeaders.IF_MATCH.equalsIgnoreCase(header.value())
                || HttpHeaders.IF_MATCH.equalsIgnoreCase(header.name()))) {
            add(statuses, 412, "If-Match");
            add(statuses, 428, "If-Match");
        }
    }

    private static void add(Map<Integer, Set<String>> statuses, int status, String reason) {
        statuses.computeIfAbsent(status, s -> new LinkedHashSet<>()).add(reason);
    }

    /** A short description per status for the document. */
    static String describe(int status, Set<String> reasons) {
        String base = switch (status) {
            case 400 -> "Invalid request; invalidParams names the fields";
            case 401 -> "No valid access token";
            case 403 -> "The token's role or tenant does not allow this";
            case 404 -> "No such resource";
            case 409 -> "Conflicts with the resource's state";
            case 412 -> "If-Match does not match the current version";
            case 413 -> "The upload is too large";
            case 415 -> "The body's media type is not supported";
            case 422 -> "Breaks a rule of the domain";
            case 428 -> "If-Match is required";
            case 500 -> "Unexpected error";
            default -> HttpStatus.valueOf(status).getReasonPhrase();
        };
        List<String> named = new ArrayList<>();
        for (String reason : reasons) {
            if (Character.isUpperCase(reason.charAt(0)) && !reason.equals("If-Match")) {
                named.add(reason);
            }
        }
        return named.isEmpty() ? base : base + " (" + String.join(", ", named) + ")";
    }
}
