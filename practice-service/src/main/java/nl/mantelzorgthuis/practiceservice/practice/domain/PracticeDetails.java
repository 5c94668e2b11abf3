package nl.mantelzorgthuis.practiceservice.practice.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Everything about a practice its owners write; identity, version and timestamps are the aggregate's. */
public record PracticeDetails(
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
        List<Lesson> lessonsLearned) {

    public PracticeDetails {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        designQuestions = designQuestions == null ? List.of() : List.copyOf(designQuestions);
        centralQuestions = centralQuestions == null ? Set.of() : Set.copyOf(centralQuestions);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        lessonsLearned = lessonsLearned == null ? List.of() : List.copyOf(lessonsLearned);
        status = status == null ? PracticeStatus.ACTIVE : status;
    }
}
