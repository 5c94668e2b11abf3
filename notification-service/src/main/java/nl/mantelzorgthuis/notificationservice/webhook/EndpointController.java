package nl.mantelzorgthuis.notificationservice.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.notificationservice.access.NotFound;
import nl.mantelzorgthuis.notificationservice.access.NotAllowed;
import nl.mantelzorgthuis.notificationservice.access.Caller;
import nl.mantelzorgthuis.notificationservice.notice.Notification;
import nl.mantelzorgthuis.notificationservice.webhook.domain.Subscription;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Validated
@RequestMapping("/api/v1/notifications/webhooks")
@Tag(name = "Webhooks", description = "Signed CloudEvents (Standard Webhooks) pushed to systems, with delivery log, redelivery, replay and a pull feed")
class EndpointController {

    private static final String TYPE = "[a-z0-9.-]{1,200}\\*?";

    record WebhookRequest(@Size(max = 200) String name,
            // No url: a pull-feed subscription (GET .../feed) for a system that cannot receive calls.
            @Size(max = 2000) String url,
            @Size(max = 50) List<@NotNull @Pattern(regexp = TYPE, message = "must be an event type, or a prefix ending in *") String> eventTypes,
            @Size(max = 400) List<@NotNull @Pattern(regexp = "GM[0-9]{4}", message = "must be a CBS municipality code like GM0193") String> municipalities,
            @Size(max = 200) List<@NotNull @Size(min = 1, max = 64) String> practices,
            @Size(max = 200) List<@NotNull @Size(min = 1, max = 200) String> organisations) {

        Subscription subscription() {
            return new Subscription(set(eventTypes), set(municipalities), set(practices), set(organisations), List.of());
        }

        private static java.util.Set<String> set(List<String> values) {
            return values == null ? java.util.Set.of() : java.util.Set.copyOf(values);
        }
    }

    record SecretView(Instant createdAt, Instant expiresAt) {
    }

    /** An endpoint; {@code secret} only in the answer that created it or rotated its secret. */
    record WebhookView(String id, String name, String url, List<String> eventTypes, List<String> municipalities,
            List<String> practices, List<String> organisations, String status, String disabledReason, Instant disabledAt,
            Instant failingSince, String owner, Instant createdAt, Instant updatedAt, List<SecretView> secrets, String secret) {

        static WebhookView of(Endpoint e, boolean withSecret) {
            Subscription s = e.subscription();
            return new WebhookView(e.id(), e.name(), e.url(), sorted(s.eventTypes()), sorted(s.municipalities()),
                    sorted(s.practices()), sorted(s.organisations()), e.status().name(), e.disabledReason(), e.disabledAt(),
                    e.failingSince(), e.ownerName(), e.createdAt(), e.updatedAt(),
                    e.secrets().stream().map(x -> new SecretView(x.createdAt(), x.expiresAt())).toList(),
                    withSecret ? e.secrets().getFirst().value() : null);
        }

        private static List<String> sorted(java.util.Set<String> values) {
            return values.stream().sorted().toList();
        }
    }

    record AttemptView(Instant at, int status, long latencyMillis, String error) {
    }

    record DeliveryView(String id, String eventId, String eventType, Instant eventTime, String status, int attempts,
            Instant nextAttemptAt, Instant deliveredAt, List<AttemptView> log) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.eventTime(), d.status().name(), d.attempts(),
                    d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(),
                    d.log().stream().map(a -> new AttemptView(a.at(), a.status(), a.latencyMillis(), a.error())).toList());
        }
    }

    record ReplayRequest(@NotNull Instant since) {
    }

    record ReplayAccepted(long requeued) {
    }

    record FeedView(List<JsonNode> items, long next) {
    }

    private final Endpoints endpoints;
    private final JsonMapper json;

    EndpointController(Endpoints endpoints, JsonMapper json) {
        this.endpoints = endpoints;
        this.json = json;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Register an endpoint",
            description = "Without url it is a pull-only subscription (read it with /feed). The signing secret is in this answer only.")
    ResponseEntity<WebhookView> register(@AuthenticationPrincipal Jwt token, @Valid @RequestBody WebhookRequest request)
            throws NotAllowed {
        Endpoint e = endpoints.register(Caller.of(token), request.name(), request.url(), Endpoint.Format.CLOUDEVENTS,
                request.subscription(), null);
        return ResponseEntity.created(URI.create("/api/v1/notifications/webhooks/" + e.id())).body(WebhookView.of(e, true));
    }

    @GetMapping
    @Operation(summary = "Your endpoints (coordinators: all)")
    List<WebhookView> list(@AuthenticationPrincipal Jwt token) {
        return endpoints.list(Caller.of(token), Endpoint.Format.CLOUDEVENTS).stream().map(e -> WebhookView.of(e, false)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One endpoint")
    WebhookView get(@AuthenticationPrincipal Jwt token, @PathVariable String id)
            throws NotAllowed, NotFound {
        return WebhookView.of(endpoints.get(Caller.of(token), id, Endpoint.Format.CLOUDEVENTS), false);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an endpoint's address or filters")
    WebhookView replace(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Valid @RequestBody WebhookRequest request)
            throws NotAllowed, NotFound {
        return WebhookView.of(endpoints.replace(Caller.of(token), id, Endpoint.Format.CLOUDEVENTS, request.name(), request.url(),
                request.subscription(), null), false);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an endpoint")
    void delete(@AuthenticationPrincipal Jwt token, @PathVariable String id)
            throws NotAllowed, NotFound {
        endpoints.delete(Caller.of(token), id, Endpoint.Format.CLOUDEVENTS);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled endpoint again")
    WebhookView enable(@AuthenticationPrincipal Jwt token, @PathVariable String id)
            throws NotAllowed, NotFound {
        return WebhookView.of(endpoints.enable(Caller.of(token), id), false);
    }

    @PostMapping("/{id}/secret-rotations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rotate the signing secret",
            description = "The new secret is in this answer only; the previous one keeps signing (a second signature) for the grace period.")
    WebhookView rotate(@AuthenticationPrincipal Jwt token, @PathVariable String id)
            throws NotAllowed, NotFound {
        return WebhookView.of(endpoints.rotateSecret(Caller.of(token), id), true);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log: every message with each attempt (time, status, latency, error), newest first")
    List<DeliveryView> deliveries(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @RequestParam(required = false) @Pattern(regexp = "PENDING|DELIVERED|FAILED") String status,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize)
            throws NotAllowed, NotFound {
        return endpoints.deliveries(Caller.of(token), id, Endpoint.Format.CLOUDEVENTS, status, page, pageSize).stream()
                .map(DeliveryView::of).toList();
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with its attempts")
    DeliveryView delivery(@AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String deliveryId)
            throws NotAllowed, NotFound {
        return DeliveryView.of(endpoints.delivery(Caller.of(token), id, Endpoint.Format.CLOUDEVENTS, deliveryId));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliveries")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send one message again (same webhook-id)")
    void redeliver(@AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String deliveryId)
            throws NotAllowed, NotFound {
        endpoints.redeliver(Caller.of(token), id, Endpoint.Format.CLOUDEVENTS, deliveryId);
    }

    @PostMapping("/{id}/replays")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send everything since a moment again", description = "Within the retention (30 days by default).")
    ReplayAccepted replay(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Valid @RequestBody ReplayRequest request)
            throws NotAllowed, NotFound {
        return new ReplayAccepted(endpoints.replay(Caller.of(token), id, request.since()));
    }

    @GetMapping("/{id}/feed")
    @Operation(summary = "Pull feed",
            description = "The CloudEvents this subscription wants, oldest first, after the cursor `since` (0: from the start of the "
                    + "retention). Pass `next` as `since` to read on. An event appears about 2 s after it was received.")
    FeedView feed(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) long since,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit)
            throws NotAllowed, NotFound {
        Endpoints.FeedPage page = endpoints.feed(Caller.of(token), id, Endpoint.Format.CLOUDEVENTS, since, limit);
        return new FeedView(page.items().stream().map(Notification::event).map(json::readTree).toList(), page.next());
    }
}
