package nl.mantelzorgthuis.notificationservice.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.inbox.domain.DigestSchedule;
import nl.mantelzorgthuis.notificationservice.inbox.domain.EmailFrequency;
import nl.mantelzorgthuis.notificationservice.mail.MailQueue;
import nl.mantelzorgthuis.notificationservice.notice.Notification;
import nl.mantelzorgthuis.notificationservice.notice.NotificationStore;
import nl.mantelzorgthuis.notificationservice.notice.domain.Links;
import nl.mantelzorgthuis.notificationservice.notice.domain.Messages;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily and weekly digests at each person's chosen local time. A due person is claimed with a
 * lease, their digest is queued under an id naming the period (queued once, even if this replica
 * dies before moving the schedule on), then the schedule moves to the next period.
 */
@Component
public class Digests {

    private static final int MAX_ITEMS = 200;

    private final PersonStore people;
    private final NotificationStore notifications;
    private final MailQueue mails;
    private final Clock clock;
    private final NotificationProperties properties;

    Digests(PersonStore people, NotificationStore notifications, MailQueue mails, Clock clock, NotificationProperties properties) {
        this.people = people;
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
        this.properties = properties;
    }

    /** The person's next digest after {@code after}, or null when they get none. */
    static Instant nextDigest(Person p, Instant after) {
        Person.Email email = p.emailPreference();
        if (email == null || (email.frequency() != EmailFrequency.DAILY && email.frequency() != EmailFrequency.WEEKLY)) {
            return null;
        }
        return DigestSchedule.next(email.frequency(), LocalTime.parse(email.time()), DayOfWeek.valueOf(email.day()),
                ZoneId.of(p.timeZone()), after);
    }

    @Scheduled(fixedDelayString = "${notification.mail.digest-check-interval:30s}")
    public void sendDue() {
        Person person;
        int rounds = 0;
        while (rounds++ < 1000 && (person = people.claimDueDigest(clock.instant(), Duration.ofMinutes(5))) != null) {
            digest(person);
        }
    }

    private void digest(Person person) {
        Instant periodEnd = person.nextDigestAt();
        Instant from = person.lastDigestAt() == null ? person.createdAt() : person.lastDigestAt();
        Person.Email email = person.emailPreference();
        if (Inbox.wantsMail(person) && (email.frequency() == EmailFrequency.DAILY || email.frequency() == EmailFrequency.WEEKLY)) {
            Criteria window = new Criteria().andOperator(Inbox.mine(person), where("time").gt(Date.from(from)),
                    where("time").lte(Date.from(periodEnd)));
            if (!email.eventTypes().isEmpty()) {
                window = new Criteria().andOperator(window, where("type").in(email.eventTypes()));
            }
            List<Notification> items = notifications.find(Query.query(window).with(Sort.by("time")).limit(MAX_ITEMS));
            if (!items.isEmpty()) {
                mails.enqueue(List.of(new MailQueue.Mail("digest|" + person.id() + "|" + periodEnd.getEpochSecond(), person.email(),
                        subject(person, email.frequency(), items.size()), body(person, items), null, 0)));
            }
        }
        people.digestSent(person.id(), periodEnd, nextDigest(person, periodEnd));
    }

    private static String subject(Person person, EmailFrequency frequency, int count) {
        return Messages.phrase("digest.subject." + frequency.name(), person.language(), count);
    }

    private String body(Person person, List<Notification> items) {
        Locale locale = person.language();
        StringBuilder body = new StringBuilder(Messages.phrase("digest.intro", locale)).append("\n\n");
        for (Notification n : items) {
            Messages.Text text = Messages.render(n.change(), locale);
            body.append("- ").append(text.title()).append("\n  ").append(text.body()).append("\n  ")
                    .append(Links.of(properties.platformUrl(), n.change())).append("\n\n");
        }
        return body.append("--\n").append(Messages.phrase("mail.footer", locale)).toString();
    }
}
