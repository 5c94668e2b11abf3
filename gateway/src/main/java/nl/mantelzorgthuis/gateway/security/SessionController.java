package nl.mantelzorgthuis.gateway.security;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in to the portal: what the portal's pages need, without handing them a token. */
@RestController
class SessionController {

    @GetMapping("/portal/me")
    Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
        return Map.of("subject", user.getSubject(),
                "name", user.getFullName() == null ? user.getSubject() : user.getFullName());
    }
}
