package nl.mantelzorgthuis.practiceservice.practice;

import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeAccessDenied;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeArchived;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeRuleViolation;
import nl.mantelzorgthuis.starter.problem.InvalidParam;
import nl.mantelzorgthuis.starter.problem.ProblemHandling;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The practice rules' refusals as problem+json; the framework's are the starter's. */
@RestControllerAdvice
class PracticeProblems extends ProblemHandling {

    @ExceptionHandler(PracticeRuleViolation.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail ruleViolation(PracticeRuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "The practice breaks a programme rule", e.getMessage(),
                e.violations().stream().map(v -> new InvalidParam(v.field(), v.reason())).toList());
    }

    @ExceptionHandler(PracticeAccessDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail accessDenied(PracticeAccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "Not your practice", e.getMessage());
    }

    @ExceptionHandler(PracticeArchived.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail archived(PracticeArchived e) {
        return problem(HttpStatus.CONFLICT, "Practice is archived", e.getMessage());
    }
}
