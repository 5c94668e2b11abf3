package nl.mantelzorgthuis.experimentservice.experiment;

import java.time.Instant;
import java.util.Set;

import nl.mantelzorgthuis.experimentservice.experiment.domain.Caller;

/**
 * One write in an experiment's audit trail: who (token subject, name, roles, tenant), when, which
 * change and a short description. Stored in the experiment document by the same write it describes.
 */
public record AuditEntry(Instant at, ExperimentChange action, long version, String actor, String actorName,
        Set<String> roles, String tenant, String what) {

    static AuditEntry of(Caller caller, ExperimentChange action, long version, Instant at, String what) {
        return new AuditEntry(at, action, version, caller.subject(), caller.name(), caller.roles(), caller.tenant(), what);
    }
}
