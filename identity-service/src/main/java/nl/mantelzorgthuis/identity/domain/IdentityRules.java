package nl.mantelzorgthuis.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Who may be invited and registered: organisation staff belong to an organisation, a machine client
 * acts for exactly one municipality or one organisation, and a password fits what bcrypt hashes.
 * (Only coordinators reach these use cases at all: the admin API's filter chain requires the role.)
 */
public final class IdentityRules {

    /** bcrypt uses the first 72 bytes of a password and ignores the rest; a longer one is refused, not cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private IdentityRules() {
    }

    public static void requireInvitable(Set<Role> roles, String organisation) {
        if (roles.contains(Role.ORGANISATION_STAFF) && (organisation == null || organisation.isBlank())) {
            throw new IdentityRuleViolation("Organisation required", "organisation",
                    "Organisation staff must belong to an organisation");
        }
    }

    public static void requireOneTenant(String municipality, String organisation) {
        boolean municipal = municipality != null;
        boolean organisational = organisation != null && !organisation.isBlank();
        if (municipal == organisational) {
            throw new IdentityRuleViolation("One tenant required", "municipality",
                    "A client acts for exactly one municipality or one organisation");
        }
    }

    public static final int MIN_PASSWORD_LENGTH = 12;

    public static void requireUsablePassword(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new IdentityRuleViolation("Password too short", "password",
                    "A password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IdentityRuleViolation("Password too long", "password",
                    "A password may be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (about 72 letters without accents)");
        }
    }
}
