package nl.mantelzorgthuis.practiceservice.practice.domain;

import java.util.List;

/** The practice as asked for breaks one or more of the programme's rules. */
public final class PracticeRuleViolation extends RuntimeException {

    private final transient List<Violation> violations;

    public PracticeRuleViolation(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.reason()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
