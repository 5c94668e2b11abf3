package nl.mantelzorgthuis.socialmap.route;

import java.util.List;

/**
 * One step on the way to respite care: what happens, who does it (role and organisation), what the
 * caregiver brings, how long it typically takes, and the social-map services involved.
 */
public record RouteStep(String title, String description, String role, String organisation, String caregiverBrings,
        String typicalWait, List<String> serviceIds) {

    public RouteStep {
        serviceIds = serviceIds == null ? List.of() : List.copyOf(serviceIds);
    }
}
