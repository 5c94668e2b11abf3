package nl.mantelzorgthuis.practiceservice.practice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A learning practice or practice accelerator: the aggregate. Immutable; every change returns the
 * next state with the version raised by one, which is what optimistic concurrency compares.
 */
public record Practice(
        String id,
        long version,
        String name,
        PracticeKind kind,
        String region,
        List<Municipality> municipalities,
        List<ParticipatingOrganisation> organisations,
        String positiveCoreTheme,
        List<String> designQuestions,
        Set<CentralQuestion> centralQuestions,
        LocalDate startDate,
        LocalDate endDate,
        PracticeStatus status,
        List<Contact> contacts,
        List<Lesson> lessonsLearned,
        Instant createdAt,
        Instant updatedAt) {

    public static Practice create(String id, PracticeDetails details, Instant now) {
        requireValid(details);
        return from(id, 1, details, now, now);
    }

    public Practice update(PracticeDetails details, Instant now) {
        if (isArchived()) {
            throw new PracticeArchived(id);
        }
        requireValid(details);
        return from(id, version + 1, details, createdAt, now);
    }

    /** Archiving twice is not an error, but only the first time is a change. */
    public Practice archive(Instant now) {
        if (isArchived()) {
            return this;
        }
        return new Practice(id, version + 1, name, kind, region, municipalities, organisations, positiveCoreTheme,
                designQuestions, centralQuestions, startDate, endDate, PracticeStatus.ARCHIVED, contacts,
                lessonsLearned, createdAt, now);
    }

    /** What its owners wrote, without identity, version and timestamps. */
    public PracticeDetails details() {
        return new PracticeDetails(name, kind, region, municipalities, organisations, positiveCoreTheme, designQuestions,
                centralQuestions, startDate, endDate, status, contacts, lessonsLearned);
    }

    public boolean isArchived() {
        return status == PracticeStatus.ARCHIVED;
    }

    private static void requireValid(PracticeDetails details) {
        List<Violation> violations = PracticeRules.check(details);
        if (!violations.isEmpty()) {
            throw new PracticeRuleViolation(violations);
        }
    }

    private static Practice from(String id, long version, PracticeDetails d, Instant createdAt, Instant updatedAt) {
        return new Practice(id, version, d.name().trim(), d.kind(), d.region(), d.municipalities(), d.organisations(),
                d.positiveCoreTheme(), d.designQuestions(), d.centralQuestions(), d.startDate(), d.endDate(),
                d.status(), d.contacts(), d.lessonsLearned(), createdAt, updatedAt);
    }
}
