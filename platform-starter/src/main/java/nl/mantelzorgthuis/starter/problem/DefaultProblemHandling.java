package nl.mantelzorgthuis.starter.problem;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The framework mappings alone, for a service without domain exceptions of its own. */
@RestControllerAdvice
public class DefaultProblemHandling extends ProblemHandling {
}
