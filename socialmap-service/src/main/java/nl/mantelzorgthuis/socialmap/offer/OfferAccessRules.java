package nl.mantelzorgthuis.socialmap.offer;

import java.util.Set;

import nl.mantelzorgthuis.starter.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reading and searching the social map is public; the audit trail is for coordinators, the index
 * rebuild for coordinators and operators, the HSDS imports for coordinators (refused before the
 * upload is read); which entry a caller may change is decided by the domain (OfferAccess).
 */
@Configuration
class OfferAccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.builder()
                .roles(HttpMethod.GET, Set.of("COORDINATOR"), "/api/v1/socialmap/services/*/audit")
                .roles(HttpMethod.POST, Set.of("COORDINATOR", "OPERATOR"), "/api/v1/socialmap/search-index/rebuild")
                .roles(HttpMethod.POST, Set.of("COORDINATOR"), "/api/v1/socialmap/hsds/import/**")
                .open(HttpMethod.GET, "/api/v1/socialmap/**")
                .build();
    }
}
