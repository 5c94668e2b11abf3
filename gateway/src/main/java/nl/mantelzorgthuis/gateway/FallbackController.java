package nl.mantelzorgthuis.gateway;

import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a call that failed, timed out or was not even tried (open
 * circuit): a quick problem+json answer instead of a hanging or bare error.
 */
@RestController
class FallbackController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean timeout = timedOut(cause);
        HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        if (cause != null && !(cause instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException)) {
            log.warn("Call to {} failed: {}", service, cause.toString());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, timeout
                ? service + " did not answer in time; if you were writing, read the resource before retrying"
                : service + " is not available at the moment; please try again shortly");
        problem.setTitle(timeout ? "Service timed out" : "Service unavailable");
        return ResponseEntity.status(status).header("Retry-After", "5").body(problem);
    }

    /** The HTTP client's response timeout arrives wrapped (a 504 ResponseStatusException around a TimeoutException). */
    private static boolean timedOut(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
