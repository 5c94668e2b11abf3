package nl.mantelzorgthuis.notificationservice.inbox;

import java.time.Instant;
import java.util.List;

import nl.mantelzorgthuis.notificationservice.inbox.domain.EmailFrequency;
import nl.mantelzorgthuis.notificationservice.notice.domain.Follow;

/**
 * A person who follows things: their address and preferences, what they follow, and where their
 * inbox and digest stand. Identified by the token subject.
 *
 * @param inboxEventTypes the event types shown in the inbox (none: all)
 * @param readAllBefore   everything up to this moment counts as read ("mark all read")
 */
public record Person(String id, String email, String name, String locale, String timeZone, List<Follow> follows,
        List<String> inboxEventTypes, Email emailPreference, Instant readAllBefore, Instant lastDigestAt, Instant nextDigestAt,
        Instant digestLeaseUntil, Instant createdAt, Instant updatedAt) {

    /** E-mail preferences; {@code time} as HH:mm local time, {@code day} for weekly digests. */
    public record Email(EmailFrequency frequency, List<String> eventTypes, String time, String day) {
        public Email {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        }
    }

    public Person {
        follows = follows == null ? List.of() : List.copyOf(follows);
        inboxEventTypes = inboxEventTypes == null ? List.of() : List.copyOf(inboxEventTypes);
    }

    Person withFollows(List<Follow> follows, Instant now) {
        return new Person(id, email, name, locale, timeZone, follows, inboxEventTypes, emailPreference, readAllBefore,
                lastDigestAt, nextDigestAt, digestLeaseUntil, createdAt, now);
    }

    Person withNextDigestAt(Instant next) {
        return new Person(id, email, name, locale, timeZone, follows, inboxEventTypes, emailPreference, readAllBefore,
                lastDigestAt, next, null, createdAt, updatedAt);
    }

    public java.util.Locale language() {
        return nl.mantelzorgthuis.notificationservice.notice.domain.Messages.supported(locale);
    }
}
