package nl.mantelzorgthuis.notificationservice.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.access.Caller;
import nl.mantelzorgthuis.notificationservice.access.InvalidInput;
import nl.mantelzorgthuis.notificationservice.access.NotAllowed;
import nl.mantelzorgthuis.notificationservice.access.NotFound;
import nl.mantelzorgthuis.notificationservice.inbox.domain.EmailFrequency;
import nl.mantelzorgthuis.notificationservice.notice.Notification;
import nl.mantelzorgthuis.notificationservice.notice.InboxHeads;
import nl.mantelzorgthuis.notificationservice.notice.NotificationStore;
import nl.mantelzorgthuis.notificationservice.notice.domain.Follow;
import nl.mantelzorgthuis.notificationservice.notice.domain.FollowKind;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A person's follows, preferences and inbox. The inbox is read from the stored notifications filed
 * under what the person follows (since they started following), minus what they archived; read
 * state is a per-person mark or the "all read before" moment.
 */
@Service
public class Inbox {

    public record Item(Notification notification, boolean read, boolean archived) {
    }

    /** A page of the inbox, with the language its owner reads it in. */
    public record Page(List<Item> items, long unread, java.util.Locale language) {
    }

    private final PersonStore people;
    private final PersonDirectory directory;
    private final InboxMarks marks;
    private final NotificationStore notifications;
    private final Clock clock;

    Inbox(PersonStore people, PersonDirectory directory, InboxMarks marks, NotificationStore notifications, Clock clock) {
        this.people = people;
        this.directory = directory;
        this.marks = marks;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Person profile(Caller caller) {
        if (!caller.person()) {
            throw new NotAllowed("The inbox, follows and e-mail are for people; systems subscribe with webhooks");
        }
        return people.of(caller);
    }

    public Person follow(Caller caller, FollowKind kind, String value) {
        Person person = profile(caller);
        if (kind == null || !kind.accepts(value)) {
            throw new InvalidInput("value", kind == null ? "kind is required" : "is not a valid " + kind.name().toLowerCase()
                    + (kind == FollowKind.MUNICIPALITY ? " (a CBS code like GM0193)" : ""));
        }
        Follow follow = new Follow(kind, value, clock.instant());
        if (person.follows().stream().anyMatch(f -> f.key().equals(follow.key()))) {
            return person;
        }
        if (person.follows().size() >= 500) {
            throw new InvalidInput("value", "at most 500 follows per person");
        }
        List<Follow> follows = new ArrayList<>(person.follows());
        follows.add(follow);
        return save(person.withFollows(follows, clock.instant()));
    }

    public Person unfollow(Caller caller, FollowKind kind, String value) {
        Person person = profile(caller);
        String key = kind.key(value);
        List<Follow> follows = person.follows().stream().filter(f -> !f.key().equals(key)).toList();
        if (follows.size() == person.follows().size()) {
            throw new NotFound("You do not follow this");
        }
        return save(person.withFollows(follows, clock.instant()));
    }

    public Person preferences(Caller caller, String locale, String timeZone, List<String> inboxEventTypes, Person.Email email) {
        Person person = profile(caller);
        List<InvalidInput.Param> invalid = new ArrayList<>();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            invalid.add(new InvalidInput.Param("timeZone", "is not a time zone like Europe/Amsterdam"));
        }
        try {
            LocalTime.parse(email.time());
        } catch (DateTimeParseException e) {
            invalid.add(new InvalidInput.Param("email.time", "must be a local time like 08:00"));
        }
        try {
            DayOfWeek.valueOf(email.day());
        } catch (IllegalArgumentException e) {
            invalid.add(new InvalidInput.Param("email.day", "must be a weekday like MONDAY"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        Instant now = clock.instant();
        Person changed = new Person(person.id(), person.email(), person.name(), locale, timeZone, person.follows(), inboxEventTypes,
                email, person.readAllBefore(), person.lastDigestAt() == null ? now : person.lastDigestAt(), null, null,
                person.createdAt(), now);
        return save(changed.withNextDigestAt(Digests.nextDigest(changed, now)));
    }

    private Person save(Person person) {
        people.save(person);
        directory.changed(person);
        return person;
    }

    /** A page of the inbox: from the notifications in memory where they answer exactly, else from the store. */
    public Page page(Caller caller, boolean archived, int page, int pageSize) {
        Person person = profile(caller);
        InboxFilter mine = new InboxFilter(person, notifications.heads());
        List<String> archivedIds = marks.flagged(person.id(), "archived", null);
        Set<String> archivedSet = new HashSet<>(archivedIds);
        long skip = (long) (page - 1) * pageSize;
        java.util.function.Predicate<InboxHeads.Head> wanted = archived ? n -> archivedSet.contains(n.id()) && mine.test(n)
                : archivedSet.isEmpty() ? mine::test : n -> !archivedSet.contains(n.id()) && mine.test(n);
        List<String> ids = notifications.heads().newest(wanted, skip, pageSize);
        List<Notification> found;
        if (ids != null) {
            found = notifications.byIds(ids);
        } else {
            Query query = Query.query(archived ? new Criteria().andOperator(mine.criteria(), where("_id").in(archivedIds))
                    : new Criteria().andOperator(mine.criteria(), where("_id").nin(archivedIds)));
            found = notifications.find(query.with(Sort.by(Sort.Direction.DESC, "time")).skip(skip).limit(pageSize));
        }
        Map<String, InboxMarks.Mark> marked = marks.of(person.id(), found.stream().map(Notification::id).toList());
        List<Item> items = found.stream().map(n -> {
            InboxMarks.Mark mark = marked.get(n.id());
            boolean read = (mark != null && mark.read())
                    || (person.readAllBefore() != null && !n.change().time().isAfter(person.readAllBefore()));
            return new Item(n, read, mark != null && mark.archived());
        }).toList();
        return new Page(items, unread(person, mine, archivedSet), person.language());
    }

    public long unread(Caller caller) {
        Person person = profile(caller);
        return unread(person, new InboxFilter(person, notifications.heads()), new HashSet<>(marks.flagged(person.id(), "archived", null)));
    }

    private long unread(Person person, InboxFilter mine, Set<String> archived) {
        Set<String> skip = new HashSet<>(archived);
        skip.addAll(marks.flagged(person.id(), "read", person.readAllBefore()));
        Instant readBefore = person.readAllBefore();
        long after = readBefore == null ? Long.MIN_VALUE : readBefore.toEpochMilli();
        long counted = notifications.heads().count(n -> n.time() > after && mine.test(n) && (skip.isEmpty() || !skip.contains(n.id())),
                readBefore);
        if (counted >= 0) {
            return counted;
        }
        Criteria unread = new Criteria().andOperator(mine.criteria(), where("_id").nin(skip));
        if (readBefore != null) {
            unread = new Criteria().andOperator(unread, where("time").gt(Date.from(readBefore)));
        }
        return notifications.count(Query.query(unread));
    }

    public void mark(Caller caller, String notificationId, String what) {
        Person person = profile(caller);
        Notification n = notifications.find(notificationId);
        if (n == null || !new InboxFilter(person, notifications.heads()).test(InboxHeads.Head.of(n))) {
            throw new NotFound("No such item in your inbox");
        }
        marks.mark(person.id(), notificationId, n.change().time(), what);
    }

    public void readAll(Caller caller) {
        Person person = profile(caller);
        people.readAll(person.id(), clock.instant());
    }

    /** What the person follows, each since they started, plus messages meant for them alone. */
    static Criteria mine(Person person) {
        return new InboxFilter(person).criteria();
    }

    static boolean wantsMail(Person person) {
        return person.email() != null && person.emailPreference() != null
                && person.emailPreference().frequency() != EmailFrequency.OFF;
    }
}
