package nl.mantelzorgthuis.notificationservice.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who calls, from the verified token (claims in docs/identity.md): a person (coordinator,
 * organisation staff, operator) or a machine client of one municipality or organisation.
 */
public record Caller(String subject, String name, String email, Set<String> roles, String organisation, String municipality) {

    public static final String COORDINATOR = "COORDINATOR";
    public static final Set<String> PEOPLE = Set.of(COORDINATOR, "ORGANISATION_STAFF", "OPERATOR");
    public static final Set<String> SYSTEMS = Set.of("MUNICIPAL_SYSTEM", "ORGANISATION_SYSTEM");

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Caller of(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        String name = token.getClaimAsString("name");
        return new Caller(token.getSubject(), name == null ? token.getSubject() : name, token.getClaimAsString("email"),
                roles == null ? Set.of() : new HashSet<>(roles), token.getClaimAsString("organisation"),
                token.getClaimAsString("municipality"));
    }

    public boolean coordinator() {
        return roles.contains(COORDINATOR);
    }

    public boolean person() {
        return roles.stream().anyMatch(PEOPLE::contains);
    }

    /** People other than operators, and machine clients, may subscribe systems. */
    public boolean maySubscribeSystems() {
        return coordinator() || roles.contains("ORGANISATION_STAFF") || roles.stream().anyMatch(SYSTEMS::contains);
    }

    public String tenant() {
        return municipality != null ? municipality : organisation;
    }
}
