package nl.mantelzorgthuis.socialmap.offer;

import nl.mantelzorgthuis.socialmap.offer.domain.OfferAccessDenied;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferRuleViolation;
import nl.mantelzorgthuis.starter.problem.InvalidParam;
import nl.mantelzorgthuis.starter.problem.ProblemHandling;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The social map's rules' refusals as problem+json; the framework's are the starter's. */
@RestControllerAdvice
class OfferProblems extends ProblemHandling {

    @ExceptionHandler(OfferRuleViolation.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail ruleViolation(OfferRuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "The entry breaks a social-map rule", e.getMessage(),
                e.violations().stream().map(v -> new InvalidParam(v.field(), v.reason())).toList());
    }

    @ExceptionHandler(OfferAccessDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail accessDenied(OfferAccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "Not your entry", e.getMessage());
    }
}
