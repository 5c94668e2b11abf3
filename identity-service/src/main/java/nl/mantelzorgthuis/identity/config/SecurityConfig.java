package nl.mantelzorgthuis.identity.config;

import nl.mantelzorgthuis.identity.settings.IdentityProperties;
import nl.mantelzorgthuis.identity.client.RotatingSecrets;
import java.util.Set;

import nl.mantelzorgthuis.starter.security.ApiAccess;
import nl.mantelzorgthuis.starter.security.ResourceServerSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the OAuth2/OIDC protocol endpoints (Spring Authorization Server), the admin
 * API (bearer tokens with the COORDINATOR role), and the login page with everything else.
 */
@Configuration
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The admin API: coordinators only, activation public (the one-time token is the credential). */
    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.builder()
                .open(HttpMethod.POST, "/api/v1/activations/*")
                .otherwise(Set.of("COORDINATOR"))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain adminApi(HttpSecurity http, ApiAccess access) throws Exception {
        return ResourceServerSecurity.apply(http.securityMatcher("/api/**"), access).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain loginAndTheRest(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(ResourceServerSecurity.OPERATIONAL_PATHS).permitAll()
                        // The Dutch pages and their design: anyone may see them; the activation link is the credential.
                        .requestMatchers("/ontwerp/**", "/favicon.svg", "/activeren/*", "/wachtwoord-vergeten", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                                + "frame-ancestors 'none'; base-uri 'self'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RotatingSecrets(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }
}
