package nl.mantelzorgthuis.identity.account;

import nl.mantelzorgthuis.identity.domain.Role;
import java.time.Instant;
import java.util.Set;

/**
 * A staff account. The password is kept only as an adaptive hash (bcrypt through Spring Security's
 * delegating encoder); an invited account has no password until the invitee activates it.
 */
public record Account(
        String id,
        String email,
        String name,
        String organisation,
        Set<Role> roles,
        String passwordHash,
        boolean active,
        String activationToken,
        Instant createdAt) {

    public boolean activated() {
        return passwordHash != null;
    }
}
