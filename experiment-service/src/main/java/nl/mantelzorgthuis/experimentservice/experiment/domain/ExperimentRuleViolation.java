package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.util.List;
import java.util.stream.Collectors;

public class ExperimentRuleViolation extends RuntimeException {

    private final transient List<Violation> violations;

    public ExperimentRuleViolation(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public ExperimentRuleViolation(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
