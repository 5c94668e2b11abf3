package nl.mantelzorgthuis.experimentservice.experiment;

import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentAccessDenied;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentConflict;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentRuleViolation;
import nl.mantelzorgthuis.starter.problem.InvalidParam;
import nl.mantelzorgthuis.starter.problem.ProblemHandling;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The experiment rules' refusals as problem+json; the framework's are the starter's. */
@RestControllerAdvice
class ExperimentProblems extends ProblemHandling {

    @ExceptionHandler(ExperimentRuleViolation.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail ruleViolation(ExperimentRuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "The experiment breaks a programme rule", e.getMessage(),
                e.violations().stream().map(v -> new InvalidParam(v.field(), v.reason())).toList());
    }

    @ExceptionHandler(ExperimentAccessDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail accessDenied(ExperimentAccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "Not your experiment", e.getMessage());
    }

    /** A state conflict; for lifecycle transitions {@code allowedTransitions} names what is possible now. */
    @ExceptionHandler(ExperimentConflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail conflict(ExperimentConflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.title(), e.getMessage());
        if (!e.allowed().isEmpty() || e.title().equals("Transition not allowed")) {
            problem.setProperty("allowedTransitions", e.allowed().stream().sorted().map(Enum::name).toList());
        }
        return problem;
    }
}
