package nl.mantelzorgthuis.notificationservice.webhook;

import java.time.Instant;
import java.util.List;

import nl.mantelzorgthuis.notificationservice.webhook.domain.Subscription;

/**
 * A system's subscription: where to deliver (none for a pull-only subscription), in which format,
 * what it wants, and its signing secrets (newest first; an older one signs until it expires).
 *
 * @param owner      the token subject that registered it; only they (and coordinators) see it
 * @param nrcAuth    for a ZGW abonnement: the Authorization header to send with each notificatie
 */
public record Endpoint(String id, String owner, String ownerName, String tenant, String name, String url, Format format,
        Subscription subscription, List<Secret> secrets, String nrcAuth, Status status, String disabledReason,
        Instant disabledAt, Instant failingSince, Instant createdAt, Instant updatedAt) {

    public enum Format { CLOUDEVENTS, NOTIFICATIE }

    public enum Status { ACTIVE, DISABLED }

    public record Secret(String value, Instant createdAt, Instant expiresAt) {
    }

    public Endpoint {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public boolean pushes() {
        return url != null && !url.isBlank();
    }

    /** The same endpoint with a new address, filters and (when given) ZGW auth header. */
    Endpoint replaced(String name, String url, Subscription subscription, String nrcAuth, Instant now) {
        return new Endpoint(id, owner, ownerName, tenant, name == null || name.isBlank() ? url : name, url, format, subscription,
                secrets, nrcAuth == null ? this.nrcAuth : nrcAuth, status, disabledReason, disabledAt, failingSince, createdAt, now);
    }

    /** Active again, with a clean record. */
    Endpoint enabled(Instant now) {
        return new Endpoint(id, owner, ownerName, tenant, name, url, format, subscription, secrets, nrcAuth, Status.ACTIVE, null,
                null, null, createdAt, now);
    }

    /** The same endpoint with its secret values and credential in another form (sealed for the store, or opened). */
    Endpoint withSealedValues(List<Secret> secrets, String nrcAuth) {
        return new Endpoint(id, owner, ownerName, tenant, name, url, format, subscription, secrets, nrcAuth, status,
                disabledReason, disabledAt, failingSince, createdAt, updatedAt);
    }

    Endpoint withSecrets(List<Secret> secrets, Instant now) {
        return new Endpoint(id, owner, ownerName, tenant, name, url, format, subscription, secrets, nrcAuth, status,
                disabledReason, disabledAt, failingSince, createdAt, now);
    }

    Endpoint withFailingSince(Instant failingSince) {
        return new Endpoint(id, owner, ownerName, tenant, name, url, format, subscription, secrets, nrcAuth, status,
                disabledReason, disabledAt, failingSince, createdAt, updatedAt);
    }

    /** The secrets that sign right now: the current one and any in their grace period. */
    public List<String> signingSecrets(Instant now) {
        return secrets.stream().filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now)).map(Secret::value).toList();
    }
}
