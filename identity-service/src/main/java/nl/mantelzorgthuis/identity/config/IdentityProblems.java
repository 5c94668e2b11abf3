package nl.mantelzorgthuis.identity.config;

import java.util.List;

import nl.mantelzorgthuis.identity.domain.IdentityRuleViolation;
import nl.mantelzorgthuis.starter.problem.InvalidParam;
import nl.mantelzorgthuis.starter.problem.ProblemHandling;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The identity rules' refusals as problem+json, like every API of the platform; the framework's are the starter's. */
@RestControllerAdvice
class IdentityProblems extends ProblemHandling {

    @ExceptionHandler(IdentityRuleViolation.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail ruleViolation(IdentityRuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.title(), e.getMessage(), List.of(new InvalidParam(e.field(), e.getMessage())));
    }
}
