package nl.mantelzorgthuis.socialmap.offer;

import java.time.Instant;
import java.util.Set;

import nl.mantelzorgthuis.socialmap.offer.OfferChange;
import nl.mantelzorgthuis.socialmap.offer.domain.Caller;

/** One write in an entry's audit trail, stored in the entry document by the same write it describes. */
public record AuditEntry(Instant at, OfferChange action, long version, String actor, String actorName, Set<String> roles,
        String tenant) {

    static AuditEntry of(Caller caller, OfferChange action, long version, Instant at) {
        return new AuditEntry(at, action, version, caller.subject(), caller.name(), caller.roles(), caller.tenant());
    }
}
