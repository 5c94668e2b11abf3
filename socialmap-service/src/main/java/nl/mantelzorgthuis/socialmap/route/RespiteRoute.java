package nl.mantelzorgthuis.socialmap.route;

import java.time.Instant;
import java.util.List;

/**
 * The route a caregiver or professional follows to respite care in one municipality (routing
 * respijtzorg), in order. {@code copiedFrom} names the municipality whose route it started from
 * (the seeds: Noordoostpolder trying the route made in 's-Hertogenbosch).
 */
public record RespiteRoute(@org.springframework.data.annotation.Id String municipality, long version, String title, List<RouteStep> steps, String copiedFrom,
        Instant createdAt, Instant updatedAt) {

    public RespiteRoute {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public RespiteRoute revise(String newTitle, List<RouteStep> newSteps, Instant now) {
        return new RespiteRoute(municipality, version + 1, newTitle, newSteps, copiedFrom, createdAt, now);
    }

    /** A new route for {@code target} with this route's steps; links to this municipality's services are left out. */
    public RespiteRoute copyFor(String target, Instant now) {
        List<RouteStep> copied = steps.stream().map(s -> new RouteStep(s.title(), s.description(), s.role(), s.organisation(),
                s.caregiverBrings(), s.typicalWait(), List.of())).toList();
        return new RespiteRoute(target, 1, title, copied, municipality, now, now);
    }
}
