package nl.mantelzorgthuis.identity.client;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.identity.http.Problems;
import nl.mantelzorgthuis.identity.http.RandomTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators register machine clients for a municipality or an organisation. A secret is shown
 * once, in the answer that creates it, and then kept only as a hash.
 */
@RestController
class ClientAdminController {

    private final ClientStore clients;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ClientAdminController(ClientStore clients, PasswordEncoder passwords, Clock clock) {
        this.clients = clients;
        this.passwords = passwords;
        this.clock = clock;
    }

    record Registration(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,62}", message = "lower-case letters, digits and dashes, 3 to 63") String clientId,
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0363") String municipality,
            @Size(max = 200) String organisation) {
    }

    record ClientView(String clientId, String name, String municipality, String organisation, int validSecrets,
            boolean active) {

        static ClientView of(MachineClient c) {
            return new ClientView(c.clientId(), c.name(), c.municipality(), c.organisation(), c.secrets().size(), c.active());
        }
    }

    record IssuedSecret(String clientId, String clientSecret, String note) {
    }

    @PostMapping("/api/v1/clients")
    ResponseEntity<IssuedSecret> register(@AuthenticationPrincipal Jwt by, @Valid @RequestBody Registration registration) {
        boolean municipal = registration.municipality() != null;
        boolean organisational = registration.organisation() != null && !registration.organisation().isBlank();
        if (municipal == organisational) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "One tenant required",
                    "A client acts for exactly one municipality or one organisation");
        }
        String secret = RandomTokens.next();
        MachineClient client = new MachineClient(UUID.randomUUID().toString(), registration.clientId(), registration.name(),
                registration.municipality(), organisational ? registration.organisation() : null,
                List.of(new MachineClient.Secret(passwords.encode(secret), clock.instant())), true, clock.instant());
        if (!clients.insert(client, audit(by, "REGISTERED", client.municipal() ? client.municipality() : client.organisation()))) {
            throw Problems.of(HttpStatus.CONFLICT, "Client exists", "Client id " + registration.clientId() + " is taken");
        }
        return ResponseEntity.created(URI.create("/api/v1/clients/" + client.clientId()))
                .body(new IssuedSecret(client.clientId(), secret, "Store this secret now: it is not shown again"));
    }

    @GetMapping("/api/v1/clients")
    List<ClientView> list() {
        return clients.all().stream().map(ClientView::of).toList();
    }

    /** Starts a rotation: the new secret and the old one(s) are both valid until the old are retired. */
    @PostMapping("/api/v1/clients/{clientId}/secrets")
    ResponseEntity<IssuedSecret> addSecret(@AuthenticationPrincipal Jwt by, @PathVariable String clientId) {
        String secret = RandomTokens.next();
        if (!clients.addSecret(clientId, new MachineClient.Secret(passwords.encode(secret), clock.instant()),
                audit(by, "SECRET_ADDED", null))) {
            throw notFound(clientId);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedSecret(clientId, secret, "Both this and the previous secret are valid until you retire the previous one"));
    }

    /** Ends a rotation: only the newest secret stays valid. */
    @DeleteMapping("/api/v1/clients/{clientId}/secrets/previous")
    ResponseEntity<Void> retirePrevious(@AuthenticationPrincipal Jwt by, @PathVariable String clientId) {
        if (!clients.retireOlderSecrets(clientId, audit(by, "PREVIOUS_SECRETS_RETIRED", null))) {
            throw notFound(clientId);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/clients/{clientId}/deactivate")
    ClientView deactivate(@AuthenticationPrincipal Jwt by, @PathVariable String clientId) {
        if (!clients.deactivate(clientId, audit(by, "DEACTIVATED", null))) {
            throw notFound(clientId);
        }
        return ClientView.of(clients.byClientId(clientId).orElseThrow());
    }

    @GetMapping("/api/v1/clients/{clientId}/audit")
    List<AuditEntry> audit(@PathVariable String clientId) {
        return clients.audit(clientId).orElseThrow(() -> notFound(clientId));
    }

    private AuditEntry audit(Jwt by, String action, String detail) {
        return new AuditEntry(clock.instant(), action, by.getSubject(), detail);
    }

    private static RuntimeException notFound(String clientId) {
        return Problems.of(HttpStatus.NOT_FOUND, "Client not found", "No client " + clientId);
    }

}
