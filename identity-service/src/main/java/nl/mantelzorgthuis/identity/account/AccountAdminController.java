package nl.mantelzorgthuis.identity.account;

import nl.mantelzorgthuis.identity.domain.Role;
import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.identity.domain.IdentityRuleViolation;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators invite and deactivate staff. An invitation returns a one-time activation link (to be
 * sent by e-mail once the notification service exists); the invitee chooses a password with it.
 */
@RestController
class AccountAdminController {

    private final Accounts accounts;

    AccountAdminController(Accounts accounts) {
        this.accounts = accounts;
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

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/users")
    ResponseEntity<AccountView> invite(@AuthenticationPrincipal Jwt by, @Valid @RequestBody Invitation invitation)
            throws IdentityRuleViolation, Problem.Conflict {
        Accounts.Invited invited = accounts.invite(by.getSubject(), invitation.email(), invitation.name(),
                invitation.organisation(), invitation.roles());
        return ResponseEntity.created(URI.create("/api/v1/users/" + invited.account().id()))
                .body(AccountView.of(invited.account(), invited.activationUrl()));
    }

    @GetMapping("/api/v1/users")
    List<AccountView> list() {
        return accounts.all().stream().map(a -> AccountView.of(a, null)).toList();
    }

    /** A forgotten password: a new one-time link (to pass on to its holder) for choosing a new one. */
    @PostMapping("/api/v1/users/{id}/password-reset")
    AccountView passwordReset(@AuthenticationPrincipal Jwt by, @PathVariable @Size(max = 64) String id) throws Problem.NotFound {
        Accounts.Invited reset = accounts.resetPassword(by.getSubject(), id);
        return AccountView.of(reset.account(), reset.activationUrl());
    }

    @PostMapping("/api/v1/users/{id}/deactivate")
    AccountView deactivate(@AuthenticationPrincipal Jwt by, @PathVariable String id) throws Problem.NotFound {
        return AccountView.of(accounts.deactivate(by.getSubject(), id), null);
    }

    @GetMapping("/api/v1/users/{id}/audit")
    AuditPage<AuditEntry> audit(@PathVariable @Size(max = 64) String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int pageSize) throws Problem.NotFound {
        return accounts.audit(id, page, pageSize);
    }

    /** Public: the one-time token is the credential. */
    @PostMapping("/api/v1/activations/{token}")
    ResponseEntity<Void> activate(@PathVariable @Size(max = 100) String token, @Valid @RequestBody Activation activation)
            throws IdentityRuleViolation, Problem.NotFound {
        accounts.activate(token, activation.password());
        return ResponseEntity.noContent().build();
    }
}
