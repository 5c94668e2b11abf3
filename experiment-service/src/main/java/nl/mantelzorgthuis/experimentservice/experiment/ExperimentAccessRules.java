package nl.mantelzorgthuis.experimentservice.experiment;

import java.util.Set;

import nl.mantelzorgthuis.starter.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reading experiments is public (cross-practice learning); the audit trail is for coordinators;
 * every write needs a token, and which experiment a caller may change is decided by the domain
 * (ExperimentAccess).
 */
@Configuration
class ExperimentAccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.builder()
                .roles(HttpMethod.GET, Set.of("COORDINATOR"), "/api/v1/experiments/*/audit")
                .open(HttpMethod.GET, "/api/v1/experiments", "/api/v1/experiments/**", "/api/v1/practices/*/experiments")
                .build();
    }
}
