package nl.mantelzorgthuis.practiceservice.practice;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import nl.mantelzorgthuis.practiceservice.practice.domain.Caller;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeChange;

/**
 * One write in a practice's audit trail: who (token subject, name, roles, tenant), when, which
 * change and which fields. Stored in the practice document by the same write it describes.
 */
public record AuditEntry(Instant at, PracticeChange action, long version, String actor, String actorName,
        Set<String> roles, String tenant, List<String> changedFields) {

    static AuditEntry of(Caller caller, PracticeChange action, long version, Instant at, List<String> changedFields) {
        return new AuditEntry(at, action, version, caller.subject(), caller.name(), caller.roles(), caller.tenant(),
                changedFields);
    }
}
