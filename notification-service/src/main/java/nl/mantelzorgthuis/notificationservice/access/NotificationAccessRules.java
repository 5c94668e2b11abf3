package nl.mantelzorgthuis.notificationservice.access;

import nl.mantelzorgthuis.starter.security.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Everything but the list of kanalen needs a valid token of the platform's issuer and audience
 * (checked here, not only at the gateway): an inbox belongs to the person in the token, an
 * endpoint to the subject that registered it (checked in the use cases).
 */
@Configuration
class NotificationAccessRules {

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.builder()
                .open(HttpMethod.GET, "/api/v1/notifications/nrc/kanaal", "/api/v1/notifications/nrc/kanaal/*")
                .build();
    }
}
