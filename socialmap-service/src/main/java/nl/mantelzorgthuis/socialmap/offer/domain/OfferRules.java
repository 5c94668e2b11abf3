package nl.mantelzorgthuis.socialmap.offer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules a social-map entry must meet beyond field formats: consistent ages, hours, places and known
 * taxonomy terms. Cost (what the caregiver pays) and funding route (who pays the provider) are
 * independent: a Wmo desk is free to visit and its support is Wmo-funded.
 */
public final class OfferRules {

    private OfferRules() {
    }

    public static List<Violation> check(OfferDetails d, Set<String> knownTerms) {
        List<Violation> violations = new ArrayList<>();
        if (d.minimumAge() != null && d.maximumAge() != null && d.maximumAge() < d.minimumAge()) {
            violations.add(new Violation("maximumAge", "must not be below minimumAge"));
        }
        for (int i = 0; i < d.taxonomyTerms().size(); i++) {
            if (!knownTerms.contains(d.taxonomyTerms().get(i))) {
                violations.add(new Violation("taxonomyTerms[" + i + "]", "'" + d.taxonomyTerms().get(i)
                        + "' is not a term of the social-map taxonomy (GET /api/v1/socialmap/taxonomy-terms)"));
            }
        }
        for (int i = 0; i < d.schedules().size(); i++) {
            OpeningHours hours = d.schedules().get(i);
            if (!hours.closesAt().isAfter(hours.opensAt())) {
                violations.add(new Violation("schedules[" + i + "].closesAt", "must be after opensAt"));
            }
        }
        for (int i = 0; i < d.locations().size(); i++) {
            Location location = d.locations().get(i);
            if ((location.latitude() == null) != (location.longitude() == null)) {
                violations.add(new Violation("locations[" + i + "]", "needs both latitude and longitude, or neither"));
            }
        }
        return violations;
    }
}
