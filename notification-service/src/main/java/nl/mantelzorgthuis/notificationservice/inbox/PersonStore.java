package nl.mantelzorgthuis.notificationservice.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import nl.mantelzorgthuis.notificationservice.access.Caller;
import nl.mantelzorgthuis.notificationservice.inbox.domain.EmailFrequency;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

@Component
class PersonStore {

    static final String COLLECTION = "people";
    static final Person.Email DEFAULT_EMAIL = new Person.Email(EmailFrequency.DAILY, List.of(), "08:00", "MONDAY");

    private final MongoTemplate mongo;
    private final Clock clock;

    PersonStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The caller's profile, created on first use; name and address follow the token. */
    Person of(Caller caller) {
        Person person = mongo.findById(caller.subject(), Person.class, COLLECTION);
        Instant now = clock.instant();
        if (person == null) {
            Person fresh = new Person(caller.subject(), caller.email(), caller.name(), "nl", "Europe/Amsterdam", List.of(), List.of(),
                    DEFAULT_EMAIL, null, now, null, null, now, now);
            fresh = fresh.withNextDigestAt(Digests.nextDigest(fresh, now));
            try {
                mongo.insert(fresh, COLLECTION);
                return fresh;
            } catch (DuplicateKeyException e) {
                return mongo.findById(caller.subject(), Person.class, COLLECTION);
            }
        }
        boolean changed = (caller.email() != null && !caller.email().equals(person.email()))
                || (caller.name() != null && !caller.name().equals(person.name()));
        if (changed) {
            mongo.updateFirst(Query.query(where("_id").is(person.id())), new Update().set("email", caller.email()).set("updatedAt", now)
                    .set("name", caller.name()), COLLECTION);
            return find(person.id());
        }
        return person;
    }

    Person find(String id) {
        return mongo.findById(id, Person.class, COLLECTION);
    }

    void save(Person person) {
        mongo.save(person, COLLECTION);
    }

    List<Person> all() {
        return mongo.findAll(Person.class, COLLECTION);
    }

    List<Person> changedSince(Instant since) {
        return mongo.find(Query.query(where("updatedAt").gte(since)), Person.class, COLLECTION);
    }

    void readAll(String id, Instant before) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("readAllBefore", before), COLLECTION);
    }

    /** Claims one person whose digest is due, for {@code lease}; null when none is. */
    Person claimDueDigest(Instant now, java.time.Duration lease) {
        Criteria due = new Criteria().andOperator(where("nextDigestAt").lte(now),
                new Criteria().orOperator(where("digestLeaseUntil").is(null), where("digestLeaseUntil").lte(now)));
        return mongo.findAndModify(Query.query(due), new Update().set("digestLeaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Person.class, COLLECTION);
    }

    void digestSent(String id, Instant coveredUntil, Instant next) {
        Update update = new Update().set("lastDigestAt", coveredUntil).unset("digestLeaseUntil");
        if (next == null) {
            update.unset("nextDigestAt");
        } else {
            update.set("nextDigestAt", next);
        }
        mongo.updateFirst(Query.query(where("_id").is(id)), update, COLLECTION);
    }
}
