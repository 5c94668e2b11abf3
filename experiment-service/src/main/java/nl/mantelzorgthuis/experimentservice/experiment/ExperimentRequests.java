package nl.mantelzorgthuis.experimentservice.experiment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.experimentservice.experiment.domain.BetterWhen;
import nl.mantelzorgthuis.experimentservice.experiment.domain.CollaborationLevel;
import nl.mantelzorgthuis.experimentservice.experiment.domain.CycleDecision;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentDetails;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ImprovementCycle;
import nl.mantelzorgthuis.experimentservice.experiment.domain.InquiryPhase;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Lesson;
import nl.mantelzorgthuis.experimentservice.experiment.domain.LessonKind;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Observation;
import nl.mantelzorgthuis.experimentservice.experiment.domain.OutcomeCategory;

/** The request bodies of the experiment API, validated at the edge (400 with invalidParams). */
final class ExperimentRequests {

    private ExperimentRequests() {
    }

    record LessonRequest(@NotNull LessonKind kind, @NotBlank @Size(max = 2000) String text) {
    }

    record ExperimentRequest(
            @NotBlank @Size(max = 64) String practiceId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String goal,
            @Size(max = 1000) String designQuestion,
            @NotNull CollaborationLevel level,
            @NotNull Set<@NotNull OutcomeCategory> outcomes,
            @NotNull InquiryPhase phase,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> organisations,
            LocalDate startDate,
            LocalDate endDate,
            @Size(max = 100) List<@Valid @NotNull LessonRequest> lessons) {

        ExperimentDetails toDetails() {
            return new ExperimentDetails(title, goal, designQuestion, level, outcomes, phase,
                    organisations == null ? List.of() : organisations.stream().map(String::trim).toList(), startDate, endDate,
                    lessons == null ? List.of() : lessons.stream().map(l -> new Lesson(l.kind(), l.text().trim())).toList());
        }
    }

    record TransitionRequest(@NotNull ExperimentStatus status, @Size(max = 1000) String reason) {
    }

    record CycleStart(@NotBlank @Size(max = 4000) String plan, @Size(max = 4000) String prediction, LocalDate startedOn) {
    }

    record CycleRecord(
            @NotBlank @Size(max = 4000) String plan,
            @Size(max = 4000) String prediction,
            LocalDate startedOn,
            @Size(max = 4000) String whatHappened,
            @Size(max = 4000) String learned,
            CycleDecision decision,
            LocalDate decidedOn) {

        ImprovementCycle toCycle(int number) {
            return new ImprovementCycle(number, plan, prediction, startedOn, whatHappened, learned, decision, decidedOn);
        }
    }

    record MeasureRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String unit,
            @NotNull BetterWhen betterWhen, Double target) {
    }

    record ObservationRequest(@NotNull LocalDate date, @NotNull Double value, @Size(max = 500) String note) {

        Observation toObservation() {
            return new Observation(date, value, note == null || note.isBlank() ? null : note.trim());
        }
    }

    record ObservationsRequest(@NotEmpty @Size(max = 5000) List<@Valid @NotNull ObservationRequest> observations) {
    }

    record AnalysisSettings(
            @Min(1) @Max(10_000) Integer baselinePoints,
            @Size(max = 50) List<@NotNull LocalDate> splitAt) {
    }

    record AdoptionRequest(@NotBlank @Size(max = 64) String practiceId,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> organisations) {
    }
}
