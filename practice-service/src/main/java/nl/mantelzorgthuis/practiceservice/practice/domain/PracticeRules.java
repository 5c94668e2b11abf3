package nl.mantelzorgthuis.practiceservice.practice.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The programme's rules for a practice, beyond the shape checks done at the HTTP edge. */
public final class PracticeRules {

    static final int MIN_ACCELERATOR_ORGANISATIONS = 3;

    private PracticeRules() {
    }

    public static List<Violation> check(PracticeDetails details) {
        List<Violation> violations = new ArrayList<>();
        if (details.kind() == PracticeKind.PRACTICE_ACCELERATOR
                && details.organisations().size() < MIN_ACCELERATOR_ORGANISATIONS) {
            violations.add(new Violation("organisations",
                    "a practice accelerator needs at least " + MIN_ACCELERATOR_ORGANISATIONS
                            + " participating organisations, got " + details.organisations().size()));
        }
        if (details.startDate() != null && details.endDate() != null
                && details.endDate().isBefore(details.startDate())) {
            violations.add(new Violation("endDate", "must not be before startDate " + details.startDate()));
        }
        if (details.status() == PracticeStatus.ARCHIVED) {
            violations.add(new Violation("status", "ARCHIVED is set by archiving the practice, not by an update"));
        }
        duplicate(details.organisations().stream().map(o -> o.name().trim().toLowerCase(Locale.ROOT)).toList())
                .ifPresent(name -> violations.add(new Violation("organisations", "organisation '" + name + "' is listed twice")));
        duplicate(details.municipalities().stream().map(Municipality::cbsCode).toList())
                .ifPresent(code -> violations.add(new Violation("municipalities", "municipality " + code + " is listed twice")));
        return violations;
    }

    private static java.util.Optional<String> duplicate(List<String> values) {
        Set<String> seen = new HashSet<>();
        return values.stream().filter(v -> !seen.add(v)).findFirst();
    }
}
