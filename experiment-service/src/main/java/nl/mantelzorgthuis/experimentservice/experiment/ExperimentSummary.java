package nl.mantelzorgthuis.experimentservice.experiment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.mantelzorgthuis.experimentservice.experiment.domain.AdoptedFrom;
import nl.mantelzorgthuis.experimentservice.experiment.domain.CollaborationLevel;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import nl.mantelzorgthuis.experimentservice.experiment.domain.InquiryPhase;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Lesson;
import nl.mantelzorgthuis.experimentservice.experiment.domain.OutcomeCategory;

/** An experiment in a list: what it is about and where it stands, without cycles and measures. */
public record ExperimentSummary(String id, long version, String practiceId, String practiceName, String title, String goal,
        String designQuestion, CollaborationLevel level, Set<OutcomeCategory> outcomes, InquiryPhase phase, ExperimentStatus status,
        List<String> organisations, LocalDate startDate, LocalDate endDate, List<Lesson> lessons, AdoptedFrom adoptedFrom,
        Instant updatedAt) {

    static final String[] FIELDS = {"_id", "version", "practiceId", "practiceName", "title", "goal", "designQuestion", "level",
            "outcomes", "phase", "status", "organisations", "startDate", "endDate", "lessons", "adoptedFrom", "updatedAt"};

    public ExperimentSummary {
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }

    static ExperimentSummary of(nl.mantelzorgthuis.experimentservice.experiment.domain.Experiment e) {
        return new ExperimentSummary(e.id(), e.version(), e.practiceId(), e.practiceName(), e.title(), e.goal(),
                e.designQuestion(), e.level(), e.outcomes(), e.phase(), e.status(), e.organisations(), e.startDate(),
                e.endDate(), e.lessons(), e.adoptedFrom(), e.updatedAt());
    }
}
