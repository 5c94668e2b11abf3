package nl.mantelzorgthuis.notificationservice.zgw;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.access.Caller;
import nl.mantelzorgthuis.notificationservice.access.InvalidInput;
import nl.mantelzorgthuis.notificationservice.access.NotAllowed;
import nl.mantelzorgthuis.notificationservice.access.NotFound;
import nl.mantelzorgthuis.notificationservice.webhook.Endpoint;
import nl.mantelzorgthuis.notificationservice.webhook.Endpoints;
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

/**
 * The VNG Notificaties API 1.0 (ZGW) resources {@code kanaal} and {@code abonnement}, so a municipal
 * system built for a notificatierouteringscomponent subscribes without custom code: its API root is
 * {@code /api/v1/notifications/nrc/}. Deliveries are {@code notificatie} messages with the
 * abonnement's {@code auth} header, sent with the same retries, log and address checks as webhooks.
 */
@RestController
@Validated
@RequestMapping("/api/v1/notifications/nrc")
@Tag(name = "Notificaties API (ZGW)", description = "kanaal and abonnement as the VNG Notificaties API 1.0 has them")
class ZgwController {

    record FilterGroup(@NotBlank @Size(max = 50) String naam, Map<String, @NotBlank @Size(max = 1000) String> filters) {
    }

    record AbonnementRequest(@NotBlank @Size(max = 200) String callbackUrl, @NotBlank @Size(max = 1000) String auth,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull FilterGroup> kanalen) {
    }

    record Abonnement(String url, String callbackUrl, String auth, List<FilterGroup> kanalen) {
    }

    record KanaalRequest(@NotBlank @Size(max = 50) @Pattern(regexp = "[a-z0-9-]+") String naam,
            @Size(max = 200) String documentatieLink, @Size(max = 50) List<@NotBlank @Size(max = 100) String> filters) {
    }

    record Kanaal(String url, String naam, String documentatieLink, List<String> filters) {
    }

    /** The standard's Message: what a source system publishes. */
    record NotificatieRequest(@NotBlank @Size(max = 50) String kanaal,
            @NotBlank @Size(max = 1000) @Pattern(regexp = URI_PATTERN, message = "must be an absolute URI") String hoofdObject,
            @NotBlank @Size(max = 100) String resource,
            @NotBlank @Size(max = 1000) @Pattern(regexp = URI_PATTERN, message = "must be an absolute URI") String resourceUrl,
            @NotBlank @Size(max = 100) String actie, @NotNull java.time.OffsetDateTime aanmaakdatum,
            @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotBlank @Size(max = 1000) String> kenmerken) {
    }

    static final String URI_PATTERN = "[a-zA-Z][a-zA-Z0-9+.-]*:\\S+";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ZgwController.class);

    private final Endpoints endpoints;
    private final Kanalen kanalen;
    private final nl.mantelzorgthuis.notificationservice.webhook.WebhookFanout fanout;
    private final String base;

    ZgwController(Endpoints endpoints, Kanalen kanalen, nl.mantelzorgthuis.notificationservice.webhook.WebhookFanout fanout,
            NotificationProperties properties) {
        this.endpoints = endpoints;
        this.kanalen = kanalen;
        this.fanout = fanout;
        this.base = properties.platformUrl() + "/api/v1/notifications/nrc";
    }

    @GetMapping("/kanaal")
    @Operation(summary = "Alle KANALen opvragen")
    List<Kanaal> kanalen(@RequestParam(required = false) String naam) {
        return kanalen.all(naam).stream().map(this::view).toList();
    }

    @GetMapping("/kanaal/{uuid}")
    @Operation(summary = "Een specifiek KANAAL opvragen")
    Kanaal kanaal(@PathVariable String uuid)
            throws NotFound {
        return view(kanalen.get(uuid));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/kanaal")
    @Operation(summary = "Maak een KANAAL aan (coördinatoren)")
    ResponseEntity<Kanaal> addKanaal(@AuthenticationPrincipal Jwt token, @Valid @RequestBody KanaalRequest request)
            throws NotAllowed {
        KanaalStore.Kanaal kanaal = kanalen.add(Caller.of(token), request.naam(), request.documentatieLink(), request.filters());
        // Absolute, as the ZGW standard defines the url (format: uri), equal to the body's url.
        return ResponseEntity.created(URI.create(base + "/kanaal/" + kanaal.id())).body(view(kanaal));
    }

    @GetMapping("/abonnement")
    @Operation(summary = "Alle ABONNEMENTen opvragen (eigen; coördinatoren: alle)")
    List<Abonnement> abonnementen(@AuthenticationPrincipal Jwt token) {
        return endpoints.list(Caller.of(token), Endpoint.Format.NOTIFICATIE).stream().map(this::view).toList();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/abonnement")
    @Operation(summary = "Maak een ABONNEMENT aan")
    ResponseEntity<Abonnement> subscribe(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AbonnementRequest request)
            throws NotAllowed {
        Endpoint e = endpoints.register(Caller.of(token), null, request.callbackUrl(), Endpoint.Format.NOTIFICATIE,
                subscription(request), request.auth());
        return ResponseEntity.created(URI.create(base + "/abonnement/" + e.id())).body(view(e));
    }

    @GetMapping("/abonnement/{uuid}")
    @Operation(summary = "Een specifiek ABONNEMENT opvragen")
    Abonnement abonnement(@AuthenticationPrincipal Jwt token, @PathVariable String uuid)
            throws NotAllowed, NotFound {
        return view(endpoints.get(Caller.of(token), uuid, Endpoint.Format.NOTIFICATIE));
    }

    @PutMapping("/abonnement/{uuid}")
    @Operation(summary = "Werk een ABONNEMENT in zijn geheel bij")
    Abonnement replace(@AuthenticationPrincipal Jwt token, @PathVariable String uuid, @Valid @RequestBody AbonnementRequest request)
            throws NotAllowed, NotFound {
        return view(endpoints.replace(Caller.of(token), uuid, Endpoint.Format.NOTIFICATIE, null, request.callbackUrl(),
                subscription(request), request.auth()));
    }

    @DeleteMapping("/abonnement/{uuid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Verwijder een ABONNEMENT")
    void unsubscribe(@AuthenticationPrincipal Jwt token, @PathVariable String uuid)
            throws NotAllowed, NotFound {
        endpoints.delete(Caller.of(token), uuid, Endpoint.Format.NOTIFICATIE);
    }

    /**
     * A municipal source system publishes as it would to a notificatierouteringscomponent: the
     * notificatie goes to every abonnement on its kanaal whose filters match, each as a persisted
     * delivery with the webhooks' retries, stored before the 200.
     */
    @PostMapping("/notificaties")
    @Operation(summary = "Publiceer een notificatie")
    nl.mantelzorgthuis.notificationservice.webhook.domain.Kanalen.Notificatie publish(@AuthenticationPrincipal Jwt token,
            @Valid @RequestBody NotificatieRequest request) throws NotAllowed {
        Map<String, String> kenmerken = request.kenmerken() == null ? Map.of() : request.kenmerken();
        kanalen.forPublishing(Caller.of(token), request.kanaal(), kenmerken);
        var notificatie = new nl.mantelzorgthuis.notificationservice.webhook.domain.Kanalen.Notificatie(request.kanaal(),
                request.hoofdObject(), request.resource(), request.resourceUrl(), request.actie(), request.aanmaakdatum().toInstant(),
                kenmerken);
        String id = UUID.randomUUID().toString();
        int deliveries = fanout.publish(id, notificatie);
        log.info("Notificatie {} on kanaal {} published by {}: {} deliveries", id, request.kanaal(), Caller.of(token).subject(), deliveries);
        return notificatie;
    }

    private Subscription subscription(AbonnementRequest request) {
        return kanalen.subscription(request.kanalen().stream()
                .map(group -> new Subscription.KanaalFilter(group.naam(), group.filters())).toList());
    }

    private Kanaal view(KanaalStore.Kanaal k) {
        return new Kanaal(base + "/kanaal/" + k.id(), k.naam(), k.documentatieLink(), k.filters());
    }

    private Abonnement view(Endpoint e) {
        return new Abonnement(base + "/abonnement/" + e.id(), e.url(), e.nrcAuth(),
                e.subscription().kanalen().stream().map(k -> new FilterGroup(k.naam(), k.filters())).toList());
    }
}
