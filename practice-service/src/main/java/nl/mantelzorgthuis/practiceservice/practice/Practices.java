package nl.mantelzorgthuis.practiceservice.practice;

import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;

import nl.mantelzorgthuis.practiceservice.events.OutboxEntry;
import nl.mantelzorgthuis.practiceservice.events.OutboxRelay;
import nl.mantelzorgthuis.practiceservice.events.PracticeEvents;
import nl.mantelzorgthuis.practiceservice.practice.domain.Practice;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeChange;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeDetails;
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

    public Practice create(PracticeDetails details) {
        Practice practice = Practice.create(UUID.randomUUID().toString(), details, clock.instant());
        store.insert(practice, events.of(PracticeChange.CREATED, practice));
        log.info("Practice {} created: {}", practice.id(), practice.name());
        relay.wakeUp();
        return practice;
    }

    public Practice get(String id) {
        return store.find(id).orElseThrow(() -> Problems.notFound(id));
    }

    /** {@code expectedVersion} null means the caller sent If-Match: * (any version). */
    public Practice update(String id, Long expectedVersion, PracticeDetails details) {
        return change(id, expectedVersion, PracticeChange.UPDATED, current -> current.update(details, clock.instant()));
    }

    public Practice archive(String id, Long expectedVersion) {
        return change(id, expectedVersion, PracticeChange.ARCHIVED, current -> current.archive(clock.instant()));
    }

    private Practice change(String id, Long expectedVersion, PracticeChange change, UnaryOperator<Practice> operation) {
        Practice current = get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw Problems.stale(id, expectedVersion, current.version());
        }
        Practice next = operation.apply(current);
        if (next == current) {
            return current;
        }
        OutboxEntry event = events.of(change, next);
        if (!store.replace(next, current.version(), event)) {
            // Someone wrote between our read and our write.
            throw Problems.stale(id, current.version(), get(id).version());
        }
        log.info("Practice {} {} to version {}", id, change.name().toLowerCase(java.util.Locale.ROOT), next.version());
        relay.wakeUp();
        return next;
    }

    public PracticePage search(PracticeSearch search) {
        return store.search(search);
    }
}
