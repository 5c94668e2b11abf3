package nl.mantelzorgthuis.identity.account;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.identity.IdentityProperties;
import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.identity.http.Problems;
import nl.mantelzorgthuis.identity.http.RandomTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators invite and deactivate staff. An invitation returns a one-time activation link (to be
 * sent by e-mail once the notification service exists); the invitee chooses a password with it.
 */
@RestController
class AccountAdminController {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    AccountAdminController(AccountStore accounts, PasswordEncoder passwords, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    record Invitation(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String organisation, @NotEmpty Set<Role> roles) {
    }

    record AccountView(String id, String email, String name, String organisation, Set<Role> roles, boolean active,
            boolean activated, String activationUrl) {

        static AccountView of(Account a, String activationUrl) {
            return new AccountView(a.id(), a.email(), a.name(), a.organisation(), a.roles(), a.active(), a.activated(),
                    activationUrl);
        }
    }

    record Activation(@NotBlank @Size(min = 12, max = 200) String password) {
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<AccountView> invite(@AuthenticationPrincipal Jwt by, @Valid @RequestBody Invitation invitation) {
        if (invitation.roles().contains(Role.ORGANISATION_STAFF)
                && (invitation.organisation() == null || invitation.organisation().isBlank())) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Organisation required",
                    "Organisation staff must belong to an organisation");
        }
        String token = RandomTokens.next();
        Account account = new Account(UUID.randomUUID().toString(), AccountStore.normalise(invitation.email()),
                invitation.name(), invitation.organisation(), invitation.roles(), null, true, token, clock.instant());
        if (!accounts.insert(account, audit(by.getSubject(), "INVITED", "roles " + account.roles()))) {
            throw Problems.of(HttpStatus.CONFLICT, "Account exists", "There already is an account for " + account.email());
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.id()))
                .body(AccountView.of(account, properties.issuer() + "/api/v1/activations/" + token));
    }

    @GetMapping("/api/v1/users")
    List<AccountView> list() {
        return accounts.all().stream().map(a -> AccountView.of(a, null)).toList();
    }

    @PostMapping("/api/v1/users/{id}/deactivate")
    AccountView deactivate(@AuthenticationPrincipal Jwt by, @PathVariable String id) {
        if (!accounts.deactivate(id, audit(by.getSubject(), "DEACTIVATED", null))) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Account not found", "No account with id " + id);
        }
        return AccountView.of(accounts.byId(id).orElseThrow(), null);
    }

    @GetMapping("/api/v1/users/{id}/audit")
    List<AuditEntry> audit(@PathVariable String id) {
        return accounts.audit(id).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "Account not found", "No account with id " + id));
    }

    private AuditEntry audit(String actor, String action, String detail) {
        return new AuditEntry(clock.instant(), action, actor, detail);
    }

    /** Public: the one-time token is the credential. */
    @PostMapping("/api/v1/activations/{token}")
    ResponseEntity<Void> activate(@PathVariable @Size(max = 100) String token, @Valid @RequestBody Activation activation) {
        if (!accounts.activate(token, passwords.encode(activation.password()), audit("activation link", "ACTIVATED", null))) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Unknown activation", "This activation link is unknown or already used");
        }
        return ResponseEntity.noContent().build();
    }

}
