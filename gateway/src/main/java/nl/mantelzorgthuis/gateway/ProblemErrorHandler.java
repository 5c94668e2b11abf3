package nl.mantelzorgthuis.gateway;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/** The gateway's own errors (no route, bad request line, anything unexpected) as problem+json. */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemWriter problems;

    ProblemErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        HttpStatusCode status = ex instanceof ResponseStatusException rse ? rse.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status.value() == 404) {
            problem.setTitle("Not found");
            problem.setDetail("No API at " + exchange.getRequest().getPath() + "; the published APIs are under /openapi");
        } else if (ex instanceof AbortedException) {
            // A connection closed under a call: mostly the caller's, gone before its answer was
            // written (every load test ends so), which is no gateway error; if it was the
            // service's, the caller still gets a 502.
            log.debug("Connection closed during {}: {}", exchange.getRequest().getPath(), ex.toString());
            problem.setStatus(HttpStatus.BAD_GATEWAY.value());
            problem.setTitle("Bad gateway");
            problem.setDetail("The connection closed before the call completed; it may be retried if it was a read");
        } else if (status.is5xxServerError()) {
            log.error("Gateway error on {}", exchange.getRequest().getPath(), ex);
            problem.setTitle("Gateway error");
            problem.setDetail("The gateway could not handle this request; the X-Request-Id header helps us find it");
        } else {
            problem.setTitle(HttpStatus.resolve(status.value()) != null ? HttpStatus.resolve(status.value()).getReasonPhrase() : "Error");
            problem.setDetail(ex instanceof ResponseStatusException rse && rse.getReason() != null ? rse.getReason() : problem.getTitle());
        }
        problem.setInstance(exchange.getRequest().getURI());
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return problems.write(exchange.getResponse(), problem);
    }
}
