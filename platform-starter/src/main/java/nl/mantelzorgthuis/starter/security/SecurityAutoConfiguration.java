package nl.mantelzorgthuis.starter.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

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
            int status = method ? 405 : 400;
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + (method ? "Method not allowed" : "Request refused")
                    + "\",\"status\":" + status + ",\"detail\":\"" + (method ? "This HTTP method is not accepted here"
                    : "The request URL holds characters the platform refuses (encoded slashes, backslashes, semicolons, NUL, "
                            + "line breaks or '..')") + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformResourceServer(HttpSecurity http, ApiAccess access, JsonMapper json) throws Exception {
        return ResourceServerSecurity.apply(http, access, json).build();
    }
}
