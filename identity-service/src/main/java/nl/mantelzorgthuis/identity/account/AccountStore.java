package nl.mantelzorgthuis.identity.account;

import nl.mantelzorgthuis.identity.domain.Role;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.mantelzorgthuis.identity.audit.AuditEntry;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.audit.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
public class AccountStore {

    static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;
    private final AuditTrail audits;

    AccountStore(MongoTemplate mongo, AuditTrail audits, nl.mantelzorgthuis.identity.settings.IdentityProperties properties) {
        this.mongo = mongo;
        this.audits = audits;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("email", Sort.Direction.ASC).unique());
        hashPlainActivationTokens(properties.activationTtl());
    }

    /**
     * Idempotent, at start: invitations stored before tokens were hashed keep working, now as a hash
     * with the configured expiry counted from this start (docs/identity.md).
     */
    private void hashPlainActivationTokens(java.time.Duration ttl) {
        Query plain = Query.query(where("activationToken").exists(true));
        plain.fields().include("activationToken");
        for (org.bson.Document doc : mongo.find(plain, org.bson.Document.class, COLLECTION)) {
            String token = doc.getString("activationToken");
            Update update = new Update().unset("activationToken");
            if (token != null) {
                update.set("activationTokenHash", nl.mantelzorgthuis.identity.domain.RandomTokens.hash(token))
                        .set("activationExpiresAt", java.time.Instant.now().plus(ttl));
            }
            mongo.updateFirst(Query.query(where("_id").is(doc.get("_id"))), update, COLLECTION);
        }
    }

    /** False when the e-mail address is taken (unique index, not check-then-insert). */
    public boolean insert(Account account, AuditEntry audit) {
        return audits.insert(COLLECTION, account, audit);
    }

    public Optional<Account> byEmail(String email) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("email").is(normalise(email))), Account.class, COLLECTION));
    }

    Optional<Account> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class, COLLECTION));
    }


    List<Account> all() {
        return mongo.find(new Query().with(Sort.by("email")), Account.class, COLLECTION);
    }

    public boolean anyWithRole(Role role) {
        return mongo.exists(Query.query(where("roles").is(role.name())), COLLECTION);
    }

    /** A new one-time link for an active account. */
    boolean renewActivation(String id, String tokenHash, java.time.Instant expiresAt, AuditEntry audit) {
        if (mongo.updateFirst(Query.query(where("_id").is(id).and("active").is(true)),
                audits.recording(new Update().set("activationTokenHash", tokenHash).set("activationExpiresAt", expiresAt), audit),
                COLLECTION).getMatchedCount() != 1) {
            return false;
        }
        audits.settleQuietly(COLLECTION, id);
        return true;
    }

    /** Sets the password with a one-time link: only while its token is unused and unexpired, and the account active. */
    boolean activate(String token, java.time.Instant now, String passwordHash, AuditEntry audit) {
        org.bson.Document activated = mongo.findAndModify(
                Query.query(where("activationTokenHash").is(nl.mantelzorgthuis.identity.domain.RandomTokens.hash(token))
                        .and("active").is(true).and("activationExpiresAt").gt(now)),
                audits.recording(new Update().set("passwordHash", passwordHash).unset("activationTokenHash").unset("activationExpiresAt"), audit),
                org.bson.Document.class, COLLECTION);
        if (activated == null) {
            return false;
        }
        audits.settleQuietly(COLLECTION, activated.get("_id"));
        return true;
    }

    boolean deactivate(String id, AuditEntry audit) {
        if (mongo.updateFirst(Query.query(where("_id").is(id)),
                audits.recording(new Update().set("active", false), audit), COLLECTION).getMatchedCount() != 1) {
            return false;
        }
        audits.settleQuietly(COLLECTION, id);
        return true;
    }

    Optional<AuditPage<AuditEntry>> audit(String id, int page, int pageSize) {
        return audits.read(COLLECTION, Query.query(where("_id").is(id)), AuditEntry.class, page, pageSize);
    }


    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
