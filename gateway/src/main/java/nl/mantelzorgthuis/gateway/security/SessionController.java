package nl.mantelzorgthuis.gateway.security;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in to the portal: what the portal's pages need, without handing them a token. */
@RestController
class SessionController {

    /** Roles and organisation come from the ID token, for showing what the person may do; the services decide again. */
    @GetMapping("/portal/me")
    Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
        Map<String, Object> me = new java.util.LinkedHashMap<>();
        me.put("subject", user.getSubject());
        me.put("name", user.getFullName() == null ? user.getSubject() : user.getFullName());
        java.util.List<String> roles = user.getClaimAsStringList("roles");
        me.put("roles", roles == null ? java.util.List.of() : roles);
        if (user.getClaimAsString("organisation") != null) {
            me.put("organisation", user.getClaimAsString("organisation"));
        }
        return me;
    }
}
