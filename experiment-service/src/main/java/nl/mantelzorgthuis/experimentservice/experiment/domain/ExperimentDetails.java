package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the owners of an experiment write about it; identity, status and history are kept apart. */
public record ExperimentDetails(
        String title,
        String goal,
        String designQuestion,
        CollaborationLevel level,
        Set<OutcomeCategory> outcomes,
        InquiryPhase phase,
        List<String> organisations,
        LocalDate startDate,
        LocalDate endDate,
        List<Lesson> lessons) {

    public ExperimentDetails {
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }
}
