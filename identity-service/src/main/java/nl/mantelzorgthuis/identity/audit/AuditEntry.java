package nl.mantelzorgthuis.identity.audit;

import java.time.Instant;

/**
 * One administrative write: who (token subject), when, what. Stored in the account's or client's
 * own document by the same write it describes, so no change goes unrecorded.
 */
public record AuditEntry(Instant at, String action, String actor, String detail) {

    public static final String FIELD = "audit";
}
