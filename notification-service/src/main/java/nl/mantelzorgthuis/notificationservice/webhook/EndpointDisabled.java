package nl.mantelzorgthuis.notificationservice.webhook;

import java.time.Instant;

/** Published inside the service when an endpoint was disabled, so its owner is told (inbox and e-mail). */
public record EndpointDisabled(String endpointId, String endpointName, String owner, String reason, Instant at) {
}
