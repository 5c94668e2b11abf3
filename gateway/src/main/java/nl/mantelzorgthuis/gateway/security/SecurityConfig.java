package nl.mantelzorgthuis.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import nl.mantelzorgthuis.gateway.ProblemWriter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway authenticates two kinds of callers. Machine clients send a bearer token, validated
 * here (issuer, signature, expiry, audience) and passed on unchanged. People log in through the
 * gateway as the portal's backend-for-frontend (authorization code with PKCE): the browser gets
 * only a session cookie, and the TokenRelay filter puts the session's access token on the calls to
 * the services. Reading public data needs neither; every write does. Services check again.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    /**
     * Calls that carry a bearer token (machine clients): stateless, no session, no CSRF, no request
     * cache. Kept apart from the portal's chain so the hot machine path never touches web sessions.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain bearerCalls(ServerHttpSecurity http, SecurityProperties properties, ProblemWriter problems,
            ReactiveJwtDecoder issuerDecoder) {
        ServerAuthenticationEntryPoint apiProblem = unauthenticated(problems);
        var remembered = properties.verifiedTokens();
        ReactiveJwtDecoder decoder = new VerifiedTokens(issuerDecoder, remembered.maxSize(), remembered.ttl(), Clock.systemUTC());
        http.securityMatcher(exchange -> BearerTokens.bearerScheme(exchange.getRequest().getHeaders().getFirst("Authorization"))
                        ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch())
                // Every call in this chain carries a bearer token and is either authenticated by it or
                // refused with 401, so the path rules of the other chain all come down to this one
                // (checking them one by one was measurable on every call).
                .authorizeExchange(a -> a.anyExchange().authenticated())
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .oauth2ResourceServer(rs -> rs.bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(decoder)).authenticationEntryPoint(apiProblem))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(e -> e.authenticationEntryPoint(apiProblem).accessDeniedHandler(denied(problems)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(h -> headers(h, properties))
                .cors(Customizer.withDefaults());
        return http.build();
    }

    /**
     * No observation per security filter: with Spring Security's observations on, each of the
     * chain's filters was wrapped in an observation on every call (~10% of the gateway's CPU); the
     * request as a whole is still observed (http server metrics, traces).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ServerWebExchangeFirewall firewall() {
        return Firewall.strict();
    }

    /** What the firewall refuses (encoded separators, NUL, CR/LF, "..", unknown methods) as a problem, not an empty 400. */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler rejected(ProblemWriter problems) {
        return (exchange, e) -> {
            boolean method = e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("method");
            return problems.write(exchange.getResponse(), method ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.BAD_REQUEST,
                    method ? "Method not allowed" : "Request refused",
                    method ? "This HTTP method is not accepted here" : "The request URL or a header holds characters the platform refuses"
                            + " (encoded slashes, backslashes, semicolons, NUL, line breaks or '..')");
        };
    }

    private static ServerHttpSecurity.AuthorizeExchangeSpec authorizeApi(ServerHttpSecurity.AuthorizeExchangeSpec a) {
        return a.pathMatchers(HttpMethod.OPTIONS).permitAll()
                // Choosing a password with the one-time activation link: the link is the credential.
                .pathMatchers(HttpMethod.POST, "/api/v1/activations/*").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/v1/practices/*/audit", "/api/v1/experiments/*/audit",
                        "/api/v1/socialmap/services/*/audit").authenticated()
                // Inboxes and subscriptions are personal; only the ZGW kanaal list is public.
                .pathMatchers(HttpMethod.GET, "/api/v1/notifications/nrc/kanaal", "/api/v1/notifications/nrc/kanaal/*").permitAll()
                .pathMatchers("/api/v1/notifications/**").authenticated()
                .pathMatchers(HttpMethod.GET, "/api/**").permitAll()
                .pathMatchers("/api/**", "/portal/**").authenticated();
    }

    private static void headers(ServerHttpSecurity.HeaderSpec h, SecurityProperties properties) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true));
    }

    /** Everything else: anonymous readers and people with a portal session. */
    @Bean
    @Order(2)
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
            SecurityProperties properties, ProblemWriter problems) {
        var authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        ServerAuthenticationEntryPoint apiProblem = unauthenticated(problems);
        var entryPoints = new DelegatingServerAuthenticationEntryPoint(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(new PathPatternParserServerWebExchangeMatcher("/api/**"), apiProblem));
        entryPoints.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/portal"));

        http.authorizeExchange(a -> authorizeApi(a).anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests))
                // Back to the portal's start page, not Spring's English login page.
                .logout(logout -> logout.logoutSuccessHandler(loggedOut()))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoints).accessDeniedHandler(denied(problems)))
                // CSRF protects the cookie session; calls without it carry no ambient credentials.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(browserWrite()))
                .headers(h -> headers(h, properties))
                .cors(Customizer.withDefaults());
        return http.build();
    }

    private static org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler loggedOut() {
        var handler = new org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(java.net.URI.create("/?uitgelogd"));
        return handler;
    }

    private static ServerWebExchangeMatcher browserWrite() {
        return exchange -> {
            var request = exchange.getRequest();
            boolean write = !SAFE.contains(request.getMethod());
            boolean session = request.getCookies().containsKey("SESSION");
            return write && session
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Request-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "API-Version", "X-Request-Id", "Retry-After"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // The HSDS read API is an open feed (Open Referral's compliance rules): any origin may read it, without credentials.
        CorsConfiguration openFeed = new CorsConfiguration();
        openFeed.addAllowedOrigin("*");
        openFeed.setAllowedMethods(List.of("GET", "HEAD"));
        openFeed.setAllowedHeaders(List.of("Content-Type", "X-Request-Id"));
        openFeed.setExposedHeaders(List.of("API-Version", "X-Request-Id", "Retry-After"));
        openFeed.setAllowCredentials(false);
        openFeed.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/api/v1/socialmap/hsds/**", openFeed);
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static ServerAuthenticationEntryPoint unauthenticated(ProblemWriter problems) {
        return (exchange, e) -> problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "Authentication required",
                "Send a valid access token of the platform, or log in to the portal");
    }

    private static ServerAccessDeniedHandler denied(ProblemWriter problems) {
        return (exchange, e) -> problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Not allowed",
                "This call is not allowed for you");
    }
}
