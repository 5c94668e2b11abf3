package nl.mantelzorgthuis.socialmap.offer.domain;

import java.util.Set;

/**
 * Who asks for a change, from the verified token: a person (coordinator, organisation staff,
 * operator) or a machine client acting for one municipality (CBS code) or one organisation.
 */
public record Caller(String subject, String name, Set<String> roles, String organisation, String municipality) {

    public static final String COORDINATOR = "COORDINATOR";
    public static final String ORGANISATION_STAFF = "ORGANISATION_STAFF";
    public static final String ORGANISATION_SYSTEM = "ORGANISATION_SYSTEM";
    public static final String MUNICIPAL_SYSTEM = "MUNICIPAL_SYSTEM";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The tenant this caller acts for, for audit and messages. */
    public String tenant() {
        return municipality != null ? municipality : organisation;
    }
}
