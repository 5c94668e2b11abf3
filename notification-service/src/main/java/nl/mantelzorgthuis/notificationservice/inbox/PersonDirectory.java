package nl.mantelzorgthuis.notificationservice.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.mantelzorgthuis.notificationservice.inbox.domain.EmailFrequency;
import nl.mantelzorgthuis.notificationservice.notice.Notification;
import nl.mantelzorgthuis.notificationservice.notice.domain.Follow;
import nl.mantelzorgthuis.notificationservice.notice.domain.FollowKind;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who wants an e-mail at once, by key, in memory: fanning out an event asks no query. This
 * replica's own preference changes apply at once, others' within the refresh interval (2 s), which
 * reads only the people changed since the previous refresh (with a margin for clock differences).
 */
@Component
public class PersonDirectory {

    private record Interest(Person person, Instant since) {
    }

    private static final java.time.Duration MARGIN = java.time.Duration.ofSeconds(30);

    private final PersonStore store;
    private final Map<String, Person> people = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, List<Interest>> immediate = Map.of();
    private Instant lastRefresh;

    PersonDirectory(PersonStore store) {
        this.store = store;
        refresh();
    }

    @Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT2S")
    synchronized void refresh() {
        Instant now = Instant.now();
        List<Person> changed = lastRefresh == null ? store.all() : store.changedSince(lastRefresh.minus(MARGIN));
        lastRefresh = now;
        changed.forEach(p -> people.put(p.id(), p));
        index();
    }

    /** A change made by this replica, seen at once. */
    public synchronized void changed(Person person) {
        people.put(person.id(), person);
        index();
    }

    private void index() {
        Map<String, List<Interest>> fresh = new HashMap<>();
        for (Person person : people.values()) {
            if (person.email() == null || person.emailPreference() == null) {
                continue;
            }
            // Personal messages (an endpoint was disabled) are mailed unless e-mail is switched off.
            if (person.emailPreference().frequency() != EmailFrequency.OFF) {
                fresh.computeIfAbsent(FollowKind.personal(person.id()), k -> new ArrayList<>()).add(new Interest(person, Instant.EPOCH));
            }
            if (person.emailPreference().frequency() == EmailFrequency.IMMEDIATE) {
                for (Follow follow : person.follows()) {
                    fresh.computeIfAbsent(follow.key(), k -> new ArrayList<>()).add(new Interest(person, follow.since()));
                }
            }
        }
        immediate = fresh;
    }

    /** The people to mail about this notification now, each once. */
    public List<Person> immediateFor(Notification notification) {
        Map<String, Person> people = new HashMap<>();
        for (String key : notification.keys()) {
            for (Interest interest : immediate.getOrDefault(key, List.of())) {
                Person p = interest.person();
                boolean personal = key.startsWith("user:");
                boolean wanted = personal || p.emailPreference().eventTypes().isEmpty()
                        || p.emailPreference().eventTypes().contains(notification.change().type());
                if (wanted && !notification.change().time().isBefore(interest.since())) {
                    people.putIfAbsent(p.id(), p);
                }
            }
        }
        return List.copyOf(people.values());
    }
}
