package nl.mantelzorgthuis.starter.security;

import nl.mantelzorgthuis.starter.problem.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;

/**
 * The platform's resource-server rules on an {@link HttpSecurity}: bearer tokens of the platform's
 * issuer and audience (checked in every service, not only at the gateway), roles from the
 * {@code roles} claim, the {@link ApiAccess} rules, the operational endpoints open, no sessions, and
 * 401/403 answered as problem+json. Which aggregate a caller may change is the domain's decision.
 */
public final class ResourceServerSecurity {

    /** Health, metrics and the API document: open to the platform's probes and scrapers. */
    public static final String[] OPERATIONAL_PATHS = {"/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs/**", "/error"};

    /** Operator actions on the service itself (parked outbox events). */
    public static final String[] OPERATOR_PATHS = {"/actuator/outbox", "/actuator/outbox/**"};

    private ResourceServerSecurity() {
    }

    public static HttpSecurity apply(HttpSecurity http, ApiAccess access) throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        http.authorizeHttpRequests(a -> {
                    for (ApiAccess.Rule rule : access.rules()) {
                        String[] patterns = rule.patterns().toArray(String[]::new);
                        var matcher = rule.method() == null ? a.requestMatchers(patterns) : a.requestMatchers(rule.method(), patterns);
                        if (rule.roles().isEmpty()) {
                            matcher.permitAll();
                        } else {
                            matcher.hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    a.requestMatchers(OPERATIONAL_PATHS).permitAll();
                    a.requestMatchers(OPERATOR_PATHS).hasAnyRole("OPERATOR", "COORDINATOR");
                    if (access.otherwise().isEmpty()) {
                        a.anyRequest().authenticated();
                    } else {
                        a.anyRequest().hasAnyRole(access.otherwise().toArray(String[]::new));
                    }
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e);
                            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                                    "A valid access token of the platform is required for this call");
                        })
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                                "Not allowed", "Your role does not allow this call")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http;
    }

    /** Authorities {@code ROLE_X} from the token's {@code roles} claim (docs/identity.md). */
    public static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

}
