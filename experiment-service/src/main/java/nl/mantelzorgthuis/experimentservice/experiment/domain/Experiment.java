package nl.mantelzorgthuis.experimentservice.experiment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An experiment of a practice: the aggregate, with its improvement cycles and measures. Immutable;
 * every change returns the next state with the version raised by one. Completed and stopped
 * experiments are read-only, as are experiments of an archived practice.
 */
public record Experiment(
        String id,
        long version,
        String practiceId,
        String practiceName,
        String title,
        String goal,
        String designQuestion,
        CollaborationLevel level,
        Set<OutcomeCategory> outcomes,
        InquiryPhase phase,
        List<String> organisations,
        LocalDate startDate,
        LocalDate endDate,
        List<Lesson> lessons,
        ExperimentStatus status,
        String stopReason,
        List<ImprovementCycle> cycles,
        List<Measure> measures,
        AdoptedFrom adoptedFrom,
        Instant createdAt,
        Instant updatedAt) {

    public static final String PRACTICE_ARCHIVED_REASON = "De praktijk is gearchiveerd";

    public Experiment {
        cycles = cycles == null ? List.of() : List.copyOf(cycles);
        measures = measures == null ? List.of() : List.copyOf(measures);
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
    }

    public static Experiment create(String id, PracticeRef practice, ExperimentDetails details, AdoptedFrom origin, Instant now) {
        requireOpen(practice);
        requireValid(details, practice);
        return new Experiment(id, 1, practice.id(), practice.name(), details.title().trim(), details.goal(),
                details.designQuestion(), details.level(), details.outcomes(), details.phase(), details.organisations(),
                details.startDate(), details.endDate(), details.lessons(), ExperimentStatus.IDEA, null, List.of(), List.of(),
                origin, now, now);
    }

    /**
     * Another practice starts from this experiment: the copy keeps its idea (title, goal, design
     * question, level, outcomes, lessons) and its measures without observations, and starts as an idea
     * owned by the adopting organisations, with a link to this origin.
     */
    public Experiment adoptInto(String newId, PracticeRef target, List<String> owners, Instant now) {
        if (target.id().equals(practiceId)) {
            throw new ExperimentRuleViolation("practiceId", "is the experiment's own practice; adopt it into another practice");
        }
        ExperimentDetails copy = new ExperimentDetails(title, goal, designQuestion, level, outcomes, InquiryPhase.DISCOVER,
                owners, null, null, lessons);
        Experiment adopted = create(newId, target, copy, new AdoptedFrom(id, practiceId, practiceName, title), now);
        List<Measure> emptyMeasures = measures.stream()
                .map(m -> new Measure(m.id(), m.name(), m.unit(), m.betterWhen(), m.target(), null, List.of(), List.of()))
                .toList();
        // Part of the new experiment's first version, not a change after it.
        return new Experiment(adopted.id, 1, adopted.practiceId, adopted.practiceName, adopted.title, adopted.goal,
                adopted.designQuestion, adopted.level, adopted.outcomes, adopted.phase, adopted.organisations, adopted.startDate,
                adopted.endDate, adopted.lessons, adopted.status, null, List.of(), emptyMeasures, adopted.adoptedFrom, now, now);
    }

    public ExperimentDetails details() {
        return new ExperimentDetails(title, goal, designQuestion, level, outcomes, phase, organisations, startDate, endDate, lessons);
    }

    public Experiment update(ExperimentDetails details, PracticeRef practice, Instant now) {
        requireChangeable(practice);
        requireValid(details, practice);
        return new Experiment(id, version + 1, practiceId, practice.name(), details.title().trim(), details.goal(),
                details.designQuestion(), details.level(), details.outcomes(), details.phase(), details.organisations(),
                details.startDate(), details.endDate(), details.lessons(), status, stopReason, cycles, measures, adoptedFrom,
                createdAt, now);
    }

    /** Moves along the lifecycle; anything else is a conflict naming the allowed next states. */
    public Experiment transition(ExperimentStatus to, String reason, PracticeRef practice, Instant now) {
        requireOpen(practice);
        if (!status.next().contains(to)) {
            throw new ExperimentConflict("Transition not allowed",
                    "An experiment that is " + status + " cannot become " + to
                            + (status.isFinal() ? "; it is final" : "; allowed: " + status.next()),
                    status.next());
        }
        if (to == ExperimentStatus.STOPPED && (reason == null || reason.isBlank())) {
            throw new ExperimentRuleViolation("reason", "is required when an experiment is stopped");
        }
        return withStatus(to, to == ExperimentStatus.STOPPED ? reason.trim() : null, now);
    }

    /** The practice was archived: unfinished experiments stop with that reason; finished ones stay as they are. */
    public Optional<Experiment> stopBecausePracticeArchived(Instant now) {
        if (status.isFinal()) {
            return Optional.empty();
        }
        return Optional.of(withStatus(ExperimentStatus.STOPPED, PRACTICE_ARCHIVED_REASON, now));
    }

    public Experiment startCycle(String plan, String prediction, LocalDate startedOn, PracticeRef practice, Instant now) {
        requireChangeable(practice);
        if (!cycles.isEmpty() && !cycles.getLast().isDecided()) {
            throw new ExperimentConflict("Previous cycle still open",
                    "Cycle " + cycles.getLast().number() + " has no decision yet (adopt, adapt or abandon); record it first");
        }
        List<ImprovementCycle> next = new ArrayList<>(cycles);
        next.add(new ImprovementCycle(cycles.size() + 1, plan, prediction, startedOn, null, null, null, null));
        return withCycles(next, now);
    }

    public Experiment recordCycle(ImprovementCycle cycle, PracticeRef practice, Instant now) {
        requireChangeable(practice);
        if (cycle.number() < 1 || cycle.number() > cycles.size()) {
            throw new ExperimentRuleViolation("number", "experiment has no cycle " + cycle.number());
        }
        List<ImprovementCycle> next = new ArrayList<>(cycles);
        next.set(cycle.number() - 1, cycle);
        return withCycles(next, now);
    }

    public Experiment addMeasure(Measure measure, PracticeRef practice, Instant now) {
        requireChangeable(practice);
        if (measures.stream().anyMatch(m -> Names.same(m.name(), measure.name()))) {
            throw new ExperimentConflict("Measure exists", "The experiment already has a measure named '" + measure.name() + "'");
        }
        List<Measure> next = new ArrayList<>(measures);
        next.add(measure);
        return withMeasures(next, now);
    }

    public Optional<Measure> measure(String measureId) {
        return measures.stream().filter(m -> m.id().equals(measureId)).findFirst();
    }

    public Experiment changeMeasure(String measureId, UnaryOperator<Measure> change, PracticeRef practice, Instant now) {
        requireChangeable(practice);
        List<Measure> next = measures.stream().map(m -> m.id().equals(measureId) ? change.apply(m) : m).toList();
        return withMeasures(next, now);
    }

    private Experiment withStatus(ExperimentStatus next, String reason, Instant now) {
        return new Experiment(id, version + 1, practiceId, practiceName, title, goal, designQuestion, level, outcomes, phase,
                organisations, startDate, endDate, lessons, next, reason, cycles, measures, adoptedFrom, createdAt, now);
    }

    private Experiment withCycles(List<ImprovementCycle> next, Instant now) {
        return new Experiment(id, version + 1, practiceId, practiceName, title, goal, designQuestion, level, outcomes, phase,
                organisations, startDate, endDate, lessons, status, stopReason, next, measures, adoptedFrom, createdAt, now);
    }

    private Experiment withMeasures(List<Measure> next, Instant now) {
        return new Experiment(id, version + 1, practiceId, practiceName, title, goal, designQuestion, level, outcomes, phase,
                organisations, startDate, endDate, lessons, status, stopReason, cycles, next, adoptedFrom, createdAt, now);
    }

    /** Content may change until the experiment is completed or stopped and while its practice is open. */
    private void requireChangeable(PracticeRef practice) {
        requireOpen(practice);
        if (status.isFinal()) {
            throw new ExperimentConflict("Experiment is " + status.name().toLowerCase(java.util.Locale.ROOT),
                    "Experiment '" + title + "' is " + status + " and can no longer be changed; adopt it to start from it again");
        }
    }

    private static void requireOpen(PracticeRef practice) {
        if (practice.archived()) {
            throw new ExperimentConflict("Practice is archived",
                    "Practice " + practice.name() + " is archived; its experiments can be read and adopted, not changed");
        }
    }

    private static void requireValid(ExperimentDetails details, PracticeRef practice) {
        List<Violation> violations = ExperimentRules.check(details, practice);
        if (!violations.isEmpty()) {
            throw new ExperimentRuleViolation(violations);
        }
    }
}
