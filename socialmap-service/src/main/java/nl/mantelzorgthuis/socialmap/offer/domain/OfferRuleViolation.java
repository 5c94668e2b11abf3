package nl.mantelzorgthuis.socialmap.offer.domain;

import java.util.List;
import java.util.stream.Collectors;

public class OfferRuleViolation extends RuntimeException {

    private final transient List<Violation> violations;

    public OfferRuleViolation(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
