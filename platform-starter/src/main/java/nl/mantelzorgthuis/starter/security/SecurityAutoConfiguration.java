package nl.mantelzorgthuis.starter.security;

import nl.mantelzorgthuis.starter.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resource-server filter chain from the service's {@link ApiAccess} (default: every API call
 * needs a token). A service with filter chains of its own (identity-service) gets none from here and
 * may still apply {@link ResourceServerSecurity} to one of them.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "platform.security", name = "enabled", matchIfMissing = true)
public class SecurityAutoConfiguration {

    /**
     * No observation around each security filter: with it, every filter of every request ran inside an
     * observation decorator (JFR on socialmap search: the decorator's frames on every sampled request,
     * with the security filters about 6% of a search's CPU). The request as a whole is still observed
     * (http.server.requests, traces). The gateway does the same for its reactive chain.
     */
    @Bean
    @ConditionalOnMissingBean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    ApiAccess apiAccess() {
        return ApiAccess.builder().build();
    }

    /** What the firewall refuses (encoded separators, NUL, CR/LF, "..", unknown methods) as problem+json, not Boot's error page. */
    @Bean
    @ConditionalOnMissingBean(org.springframework.security.web.firewall.RequestRejectedHandler.class)
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejected() {
        return (request, response, e) -> {
            boolean method = e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("method");
            if (method) {
                ProblemResponses.write(response, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                        "This HTTP method is not accepted here");
            } else {
                ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Request refused", "The request URL holds characters "
                        + "the platform refuses (encoded slashes, backslashes, semicolons, NUL, line breaks or '..')");
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformResourceServer(HttpSecurity http, ApiAccess access) throws Exception {
        return ResourceServerSecurity.apply(http, access).build();
    }
}
