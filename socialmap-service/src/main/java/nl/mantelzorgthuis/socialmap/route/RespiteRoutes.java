package nl.mantelzorgthuis.socialmap.route;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import nl.mantelzorgthuis.starter.problem.Problem;
import nl.mantelzorgthuis.socialmap.offer.domain.Caller;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferAccessDenied;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferRuleViolation;
import nl.mantelzorgthuis.socialmap.offer.domain.Violation;
import org.springframework.stereotype.Service;

/**
 * The respite-care routes: publicly readable; written by the municipality's own system and by
 * coordinators; a route can start as a copy of another municipality's.
 */
@Service
public class RespiteRoutes {

    private final RouteStore store;
    private final nl.mantelzorgthuis.socialmap.offer.OfferLookup services;
    private final RouteEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    RespiteRoutes(RouteStore store, nl.mantelzorgthuis.socialmap.offer.OfferLookup services, RouteEvents events,
            OutboxRelay relay, Clock clock) {
        this.store = store;
        this.services = services;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public RespiteRoute get(String municipality) {
        return store.find(municipality).orElseThrow(() -> new Problem.NotFound("No respite route",
                "Municipality " + municipality + " has no respite-care route on the social map yet"));
    }

    /** Creates the route, or replaces it when {@code expectedVersion} matches (required once it exists). */
    public RespiteRoute put(Caller caller, String municipality, Long expectedVersion, boolean versionGiven, String title,
            List<RouteStep> steps) {
        requireMayWrite(caller, municipality);
        requireKnownServices(steps);
        var current = store.find(municipality);
        if (current.isEmpty()) {
            RespiteRoute route = new RespiteRoute(municipality, 1, title, steps, null, clock.instant(), clock.instant());
            store.insert(route, events.of(route));
            relay.wakeUp();
            return route;
        }
        if (!versionGiven) {
            throw new Problem.PreconditionRequired("If-Match required",
                    "The route exists; send If-Match with the ETag of the version you read (or *)");
        }
        long version = current.get().version();
        if (expectedVersion != null && expectedVersion != version) {
            throw stale(municipality, expectedVersion, version);
        }
        RespiteRoute next = current.get().revise(title, steps, clock.instant());
        if (!store.replace(next, version, events.of(next))) {
            throw stale(municipality, version, get(municipality).version());
        }
        relay.wakeUp();
        return next;
    }

    public RespiteRoute copy(Caller caller, String target, String from) {
        requireMayWrite(caller, target);
        if (store.find(target).isPresent()) {
            throw new Problem.Conflict("Route exists", "Municipality " + target
                    + " already has a respite route; change it instead of copying over it");
        }
        RespiteRoute copy = get(from).copyFor(target, clock.instant());
        store.insert(copy, events.of(copy));
        relay.wakeUp();
        return copy;
    }

    private void requireKnownServices(List<RouteStep> steps) {
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            for (int j = 0; j < steps.get(i).serviceIds().size(); j++) {
                if (!services.exists(steps.get(i).serviceIds().get(j))) {
                    unknown.add(new Violation("steps[" + i + "].serviceIds[" + j + "]", "is not a service on the social map"));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new OfferRuleViolation(unknown);
        }
    }

    private static void requireMayWrite(Caller caller, String municipality) {
        boolean own = caller.is(Caller.MUNICIPAL_SYSTEM) && municipality.equals(caller.municipality());
        if (!own && !caller.is(Caller.COORDINATOR)) {
            throw new OfferAccessDenied("Only municipality " + municipality + "'s own system and coordinators may change its respite route");
        }
    }

    private static Problem.PreconditionFailed stale(String municipality, long expected, long current) {
        return new Problem.PreconditionFailed("Route was changed by someone else", "The respite route of " + municipality
                + " is at version " + current + ", the request expected version " + expected + "; read it again");
    }
}
