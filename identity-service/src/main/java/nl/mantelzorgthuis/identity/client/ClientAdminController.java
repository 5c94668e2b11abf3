package nl.mantelzorgthuis.identity.client;

import java.net.URI;
import java.util.List;

import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.identity.domain.IdentityRuleViolation;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators register machine clients for a municipality or an organisation. A secret is shown
 * once, in the answer that creates it, and then kept only as a hash.
 */
@RestController
class ClientAdminController {

    private final Clients clients;

    ClientAdminController(Clients clients) {
        this.clients = clients;
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

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/clients")
    ResponseEntity<IssuedSecret> register(@AuthenticationPrincipal Jwt by, @Valid @RequestBody Registration registration)
            throws IdentityRuleViolation, Problem.Conflict {
        Clients.Issued issued = clients.register(by.getSubject(), registration.clientId(), registration.name(),
                registration.municipality(), registration.organisation());
        return ResponseEntity.created(URI.create("/api/v1/clients/" + issued.client().clientId()))
                .body(new IssuedSecret(issued.client().clientId(), issued.secret(), "Store this secret now: it is not shown again"));
    }

    @GetMapping("/api/v1/clients")
    List<ClientView> list() {
        return clients.all().stream().map(ClientView::of).toList();
    }

    /** Starts a rotation: the new secret and the old one(s) are both valid until the old are retired. */
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/clients/{clientId}/secrets")
    ResponseEntity<IssuedSecret> addSecret(@AuthenticationPrincipal Jwt by, @PathVariable String clientId) throws Problem.NotFound {
        String secret = clients.addSecret(by.getSubject(), clientId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedSecret(clientId, secret, "Both this and the previous secret are valid until you retire the previous one"));
    }

    /** Ends a rotation: only the newest secret stays valid. */
    @DeleteMapping("/api/v1/clients/{clientId}/secrets/previous")
    ResponseEntity<Void> retirePrevious(@AuthenticationPrincipal Jwt by, @PathVariable String clientId) throws Problem.NotFound {
        clients.retirePrevious(by.getSubject(), clientId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/clients/{clientId}/deactivate")
    ClientView deactivate(@AuthenticationPrincipal Jwt by, @PathVariable String clientId) throws Problem.NotFound {
        return ClientView.of(clients.deactivate(by.getSubject(), clientId));
    }

    @GetMapping("/api/v1/clients/{clientId}/audit")
    AuditPage<AuditEntry> audit(@PathVariable String clientId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int pageSize) throws Problem.NotFound {
        return clients.audit(clientId, page, pageSize);
    }
}
