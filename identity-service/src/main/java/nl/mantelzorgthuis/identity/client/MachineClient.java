package nl.mantelzorgthuis.identity.client;

import java.time.Instant;
import java.util.List;

/**
 * A municipal or organisation system that calls the API with the client-credentials grant. It acts
 * for exactly one tenant: a municipality (CBS code) or an organisation. Secrets are kept only as
 * hashes; during a rotation two are valid until the older one is retired.
 */
public record MachineClient(
        String id,
        String clientId,
        String name,
        String municipality,
        String organisation,
        List<Secret> secrets,
        boolean active,
        Instant createdAt) {

    public record Secret(String hash, Instant createdAt) {
    }

    public boolean municipal() {
        return municipality != null;
    }
}
