package nl.mantelzorgthuis.identity.account;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.identity.domain.IdentityRules;
import nl.mantelzorgthuis.identity.domain.RandomTokens;
import nl.mantelzorgthuis.identity.domain.Role;
import nl.mantelzorgthuis.identity.settings.IdentityProperties;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The staff account use cases: invite, list, deactivate, read the audit trail, activate with the link. */
@Service
public class Accounts {

    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    Accounts(AccountStore store, PasswordEncoder passwords, IdentityProperties properties, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    /** An invited account and the one-time link that activates it. */
    public record Invited(Account account, String activationUrl) {
    }

    public Invited invite(String by, String email, String name, String organisation, Set<Role> roles) {
        IdentityRules.requireInvitable(roles, organisation);
        String token = RandomTokens.next();
        Account account = new Account(UUID.randomUUID().toString(), AccountStore.normalise(email), name, organisation, roles,
                null, true, RandomTokens.hash(token), clock.instant().plus(properties.activationTtl()), clock.instant());
        if (!store.insert(account, audit(by, "INVITED", "roles " + account.roles()))) {
            throw new Problem.Conflict("Account exists", "There already is an account for " + account.email());
        }
        return new Invited(account, activationUrl(token));
    }

    /**
     * A forgotten password: a new one-time link for an active account, with which its holder chooses a
     * new password (the old one keeps working until then). Only coordinators make these links.
     */
    public Invited resetPassword(String by, String id) {
        String token = RandomTokens.next();
        if (!store.renewActivation(id, RandomTokens.hash(token), clock.instant().plus(properties.activationTtl()),
                audit(by, "PASSWORD_RESET_LINK", null))) {
            throw new Problem.NotFound("Account not found", "No active account with id " + id);
        }
        return new Invited(store.byId(id).orElseThrow(() -> notFound(id)), activationUrl(token));
    }

    private String activationUrl(String token) {
        return properties.issuer() + "/activeren/" + token;
    }

    public List<Account> all() {
        return store.all();
    }

    public Account deactivate(String by, String id) {
        if (!store.deactivate(id, audit(by, "DEACTIVATED", null))) {
            throw notFound(id);
        }
        return store.byId(id).orElseThrow(() -> notFound(id));
    }

    public AuditPage<AuditEntry> audit(String id, int page, int pageSize) {
        return store.audit(id, page, pageSize).orElseThrow(() -> notFound(id));
    }

    /** The one-time token is the credential; the password must fit what bcrypt hashes. */
    public void activate(String token, String password) {
        IdentityRules.requireUsablePassword(password);
        if (!store.activate(token, clock.instant(), passwords.encode(password), audit("activation link", "ACTIVATED", null))) {
            throw new Problem.NotFound("Unknown activation", "This activation link is unknown, already used or expired ("
                    + properties.activationTtl().toHours() + " h); ask a coordinator for a new invitation");
        }
    }

    private AuditEntry audit(String actor, String action, String detail) {
        return new AuditEntry(clock.instant(), action, actor, detail);
    }

    private static Problem.NotFound notFound(String id) {
        return new Problem.NotFound("Account not found", "No account with id " + id);
    }
}
