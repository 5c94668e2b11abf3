package nl.mantelzorgthuis.socialmap.offer;

import java.util.HashSet;
import java.util.List;

import nl.mantelzorgthuis.socialmap.offer.domain.Caller;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller as the verified token describes it (claims documented in docs/identity.md). */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        String name = token.getClaimAsString("name");
        return new Caller(token.getSubject(), name == null ? token.getSubject() : name,
                roles == null ? java.util.Set.of() : new HashSet<>(roles),
                token.getClaimAsString("organisation"), token.getClaimAsString("municipality"));
    }
}
