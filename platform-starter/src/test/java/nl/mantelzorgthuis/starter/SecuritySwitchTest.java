package nl.mantelzorgthuis.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import nl.mantelzorgthuis.starter.security.ApiAccess;
import nl.mantelzorgthuis.starter.security.ApiAccess.Requirement;
import nl.mantelzorgthuis.starter.security.SecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.SecurityFilterChain;

/** The access rules as data, and the resource-server chain switched on, off, and left to a service's own chain. */
class SecuritySwitchTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class));

    @Test
    void the_first_matching_rule_decides_and_anything_else_needs_a_token() {
        ApiAccess access = ApiAccess.builder()
                .roles(HttpMethod.GET, Set.of("COORDINATOR"), "/api/v1/practices/*/audit")
                .open(HttpMethod.GET, "/api/v1/practices", "/api/v1/practices/**")
                .build();
        assertThat(access.requirement(HttpMethod.GET, "/api/v1/practices/{id}/audit")).isEqualTo(Requirement.ROLE);
        assertThat(access.requirement(HttpMethod.GET, "/api/v1/practices/{id}")).isEqualTo(Requirement.NONE);
        assertThat(access.requirement(HttpMethod.GET, "/api/v1/practices")).isEqualTo(Requirement.NONE);
        assertThat(access.requirement(HttpMethod.POST, "/api/v1/practices")).isEqualTo(Requirement.TOKEN);
        assertThat(ApiAccess.builder().otherwise(Set.of("COORDINATOR")).build().requirement(HttpMethod.GET, "/api/v1/users"))
                .isEqualTo(Requirement.ROLE);
    }

    @Test
    void the_chain_is_off_when_switched_off_or_when_the_service_builds_its_own() {
        web.withPropertyValues("platform.security.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("platformResourceServer").doesNotHaveBean(ApiAccess.class));
        web.withBean("ownChain", SecurityFilterChain.class, () -> new SecurityFilterChain() {
            @Override
            public boolean matches(jakarta.servlet.http.HttpServletRequest request) {
                return true;
            }

            @Override
            public java.util.List<jakarta.servlet.Filter> getFilters() {
                return java.util.List.of();
            }
        }).run(context -> {
            assertThat(context).doesNotHaveBean("platformResourceServer");
            assertThat(context).hasSingleBean(ApiAccess.class);
        });
    }
}
