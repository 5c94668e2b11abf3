package nl.mantelzorgthuis.identity.account;

import nl.mantelzorgthuis.identity.domain.Role;
import java.time.Instant;
import java.util.Set;

/**
 * A staff account. The password is kept only as an adaptive hash (bcrypt through Spring Security's
 * delegating encoder); an invited account has no password until the invitee activates it, and its
 * activation token is kept only as a hash, valid until an expiry.
 */
public record Account(
        String id,
        String email,
        String name,
        String organisation,
        Set<Role> roles,
        String passwordHash,
        boolean active,
        /** SHA-256 of the one-time activation token: the token itself is only in the link. */
        String activationTokenHash,
        /** After this the link no longer works (a new invitation is needed). */
        Instant activationExpiresAt,
        Instant createdAt) {

    public boolean activated() {
        return passwordHash != null;
    }
}
