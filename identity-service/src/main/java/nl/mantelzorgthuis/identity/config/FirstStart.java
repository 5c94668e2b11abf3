package nl.mantelzorgthuis.identity.config;

import nl.mantelzorgthuis.identity.domain.Role;
import nl.mantelzorgthuis.identity.settings.IdentityProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.mantelzorgthuis.identity.account.Account;
import nl.mantelzorgthuis.identity.domain.RandomTokens;
import nl.mantelzorgthuis.identity.account.AccountStore;
import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.identity.client.ClientStore;
import nl.mantelzorgthuis.identity.client.MachineClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * On first start: the first coordinator from configuration (with a password, or else an activation
 * link in the log, never a password), and the demo accounts and clients of a seed file if one is
 * configured. Existing accounts and clients are left alone, so restarts change nothing.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    record Seed(List<SeedAccount> accounts, List<SeedClient> clients) {
    }

    record SeedAccount(String email, String name, String organisation, Set<Role> roles, String password) {
    }

    record SeedClient(String clientId, String name, String municipality, String organisation, String secret) {
    }

    private final AccountStore accounts;
    private final ClientStore clients;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    FirstStart(AccountStore accounts, ClientStore clients, PasswordEncoder passwords, IdentityProperties properties,
            JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.passwords = passwords;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!accounts.anyWithRole(Role.COORDINATOR)) {
            createCoordinator();
        }
        if (properties.seedFile() != null && !properties.seedFile().isBlank()) {
            seed(json.readValue(Files.readString(Path.of(properties.seedFile())), Seed.class));
        }
    }

    private void createCoordinator() {
        IdentityProperties.Coordinator c = properties.coordinator();
        boolean withPassword = c.password() != null && !c.password().isBlank();
        String token = withPassword ? null : RandomTokens.next();
        accounts.insert(new Account(UUID.randomUUID().toString(), c.email().toLowerCase(java.util.Locale.ROOT), c.name(), null,
                Set.of(Role.COORDINATOR), withPassword ? passwords.encode(c.password()) : null, true,
                token == null ? null : RandomTokens.hash(token), token == null ? null : clock.instant().plus(properties.activationTtl()),
                clock.instant()),
                firstStart("created from configuration"));
        if (withPassword) {
            log.info("Created the first coordinator account {}", c.email());
        } else {
            log.warn("Created the first coordinator account {}; choose its password at {}/activeren/{}",
                    c.email(), properties.issuer(), token);
        }
    }

    private AuditEntry firstStart(String detail) {
        return new AuditEntry(clock.instant(), "CREATED", "identity-service first start", detail);
    }

    private void seed(Seed seed) {
        int created = 0;
        for (SeedAccount a : seed.accounts() == null ? List.<SeedAccount>of() : seed.accounts()) {
            if (accounts.insert(new Account(UUID.randomUUID().toString(), a.email().toLowerCase(java.util.Locale.ROOT), a.name(),
                    a.organisation(), a.roles(), passwords.encode(a.password()), true, null, null, clock.instant()),
                    firstStart("demo account from " + properties.seedFile()))) {
                created++;
            }
        }
        for (SeedClient c : seed.clients() == null ? List.<SeedClient>of() : seed.clients()) {
            if (clients.insert(new MachineClient(UUID.randomUUID().toString(), c.clientId(), c.name(), c.municipality(),
                    c.organisation(), List.of(new MachineClient.Secret(passwords.encode(c.secret()), clock.instant())), true,
                    clock.instant()), firstStart("demo client from " + properties.seedFile()))) {
                created++;
            }
        }
        if (created > 0) {
            log.info("Seeded {} demo accounts and clients from {}", created, properties.seedFile());
        }
    }
}
