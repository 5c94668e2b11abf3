package nl.mantelzorgthuis.practiceservice.practice;

import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;

import java.util.List;

import nl.mantelzorgthuis.practiceservice.practice.domain.Caller;
import nl.mantelzorgthuis.practiceservice.practice.domain.Practice;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeAccess;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeChanges;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeChange;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeDetails;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import nl.mantelzorgthuis.starter.problem.ETags;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The practice use cases: each accepted change is stored together with its event. */
@Service
public class Practices {

    private static final Logger log = LoggerFactory.getLogger(Practices.class);

    private final PracticeStore store;
    private final PracticeEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    Practices(PracticeStore store, PracticeEvents events, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public Practice create(Caller caller, PracticeDetails details) {
        PracticeAccess.requireMayCreate(caller, details);
        Practice practice = Practice.create(UUID.randomUUID().toString(), details, clock.instant());
        store.insert(practice, events.of(PracticeChange.CREATED, practice),
                AuditEntry.of(caller, PracticeChange.CREATED, practice.version(), practice.updatedAt(), PracticeChanges.between(null, practice)));
        log.info("Practice {} created: {}", practice.id(), practice.name());
        relay.wakeUp();
        return practice;
    }

    public Practice get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** {@code expectedVersion} null means the caller sent If-Match: * (any version). */
    public Practice update(Caller caller, String id, Long expectedVersion, PracticeDetails details) {
        return change(caller, id, expectedVersion, details, PracticeChange.UPDATED, current -> current.update(details, clock.instant()));
    }

    public Practice archive(Caller caller, String id, Long expectedVersion) {
        return change(caller, id, expectedVersion, null, PracticeChange.ARCHIVED, current -> current.archive(clock.instant()));
    }

    public AuditPage<AuditEntry> audit(String id, int page, int pageSize) {
        return store.audit(id, page, pageSize).orElseThrow(() -> notFound(id));
    }

    private Practice change(Caller caller, String id, Long expectedVersion, PracticeDetails details, PracticeChange change,
            UnaryOperator<Practice> operation) {
        Practice current = get(id);
        PracticeAccess.requireMayChange(caller, current, details);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ETags.stale("Practice", id, expectedVersion, current.version());
        }
        Practice next = operation.apply(current);
        if (next == current) {
            return current;
        }
        OutboxEntry event = events.of(change, next);
        AuditEntry audit = AuditEntry.of(caller, change, next.version(), next.updatedAt(), PracticeChanges.between(current, next));
        if (!store.replace(next, current.version(), event, audit)) {
            // Someone wrote between our read and our write.
            throw ETags.stale("Practice", id, current.version(), get(id).version());
        }
        log.info("Practice {} {} to version {}", id, change.name().toLowerCase(java.util.Locale.ROOT), next.version());
        relay.wakeUp();
        return next;
    }

    private static Problem.NotFound notFound(String id) {
        return new Problem.NotFound("Practice not found", "No practice with id " + id);
    }

    public PracticePage search(PracticeSearch search) {
        return store.search(search);
    }
}
