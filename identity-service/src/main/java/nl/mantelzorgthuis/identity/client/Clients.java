package nl.mantelzorgthuis.identity.client;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.identity.domain.IdentityRules;
import nl.mantelzorgthuis.identity.domain.RandomTokens;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The machine client use cases: register, list, rotate secrets without downtime, deactivate, audit. */
@Service
public class Clients {

    private final ClientStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Clients(ClientStore store, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A client and its secret in plain text, which is shown this once. */
    public record Issued(MachineClient client, String secret) {
    }

    public Issued register(String by, String clientId, String name, String municipality, String organisation) {
        IdentityRules.requireOneTenant(municipality, organisation);
        boolean organisational = organisation != null && !organisation.isBlank();
        String secret = RandomTokens.next();
        MachineClient client = new MachineClient(UUID.randomUUID().toString(), clientId, name, municipality,
                organisational ? organisation : null, List.of(new MachineClient.Secret(passwords.encode(secret), clock.instant())),
                true, clock.instant());
        if (!store.insert(client, audit(by, "REGISTERED", client.municipal() ? client.municipality() : client.organisation()))) {
            throw new Problem.Conflict("Client exists", "Client id " + clientId + " is taken");
        }
        return new Issued(client, secret);
    }

    public List<MachineClient> all() {
        return store.all();
    }

    /** Starts a rotation: the new secret and the old one(s) are both valid until the old are retired. */
    public String addSecret(String by, String clientId) {
        String secret = RandomTokens.next();
        if (!store.addSecret(clientId, new MachineClient.Secret(passwords.encode(secret), clock.instant()),
                audit(by, "SECRET_ADDED", null))) {
            throw notFound(clientId);
        }
        return secret;
    }

    /** Ends a rotation: only the newest secret stays valid. */
    public void retirePrevious(String by, String clientId) {
        if (!store.retireOlderSecrets(clientId, audit(by, "PREVIOUS_SECRETS_RETIRED", null))) {
            throw notFound(clientId);
        }
    }

    public MachineClient deactivate(String by, String clientId) {
        if (!store.deactivate(clientId, audit(by, "DEACTIVATED", null))) {
            throw notFound(clientId);
        }
        return store.byClientId(clientId).orElseThrow(() -> notFound(clientId));
    }

    public AuditPage<AuditEntry> audit(String clientId, int page, int pageSize) {
        return store.audit(clientId, page, pageSize).orElseThrow(() -> notFound(clientId));
    }

    private AuditEntry audit(String by, String action, String detail) {
        return new AuditEntry(clock.instant(), action, by, detail);
    }

    private static Problem.NotFound notFound(String clientId) {
        return new Problem.NotFound("Client not found", "No client " + clientId);
    }
}
