package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.util.ArrayList;
import java.util.List;

/** The programme's rules for an experiment's details, checked against the practice it belongs to. */
public final class ExperimentRules {

    private ExperimentRules() {
    }

    public static List<Violation> check(ExperimentDetails details, PracticeRef practice) {
        List<Violation> violations = new ArrayList<>();
        if (details.startDate() != null && details.endDate() != null && details.endDate().isBefore(details.startDate())) {
            violations.add(new Violation("endDate", "must not be before startDate"));
        }
        if (details.outcomes().isEmpty()) {
            violations.add(new Violation("outcomes", "must name at least one of the seven outcome categories"));
        }
        // A practice whose organisations are unknown (the first learning practices) cannot be checked;
        // otherwise every owner must take part in it.
        if (!practice.organisations().isEmpty()) {
            for (int i = 0; i < details.organisations().size(); i++) {
                String organisation = details.organisations().get(i);
                if (!practice.hasOrganisation(organisation)) {
                    violations.add(new Violation("organisations[" + i + "]",
                            "'" + organisation + "' does not take part in practice " + practice.name()));
                }
            }
        }
        return violations;
    }
}
