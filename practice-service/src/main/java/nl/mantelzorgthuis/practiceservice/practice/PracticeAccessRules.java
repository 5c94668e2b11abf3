package nl.mantelzorgthuis.practiceservice.practice;

import java.util.Set;

import nl.mantelzorgthuis.starter.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reading practices is public; the audit trail is for coordinators; every write needs a token, and
 * which practice a caller may change is decided by the domain (PracticeAccess).
 */
@Configuration
class PracticeAccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.builder()
                .roles(HttpMethod.GET, Set.of("COORDINATOR"), "/api/v1/practices/*/audit")
                .open(HttpMethod.GET, "/api/v1/practices", "/api/v1/practices/**")
                .build();
    }
}
