package nl.mantelzorgthuis.experimentservice.experiment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import nl.mantelzorgthuis.experimentservice.experiment.domain.BetterWhen;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Caller;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Experiment;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentAccess;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentDetails;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentRuleViolation;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ImprovementCycle;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Measure;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Observation;
import nl.mantelzorgthuis.experimentservice.experiment.domain.PracticeRef;
import nl.mantelzorgthuis.experimentservice.practice.PracticeDirectory;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import nl.mantelzorgthuis.starter.problem.ETags;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The experiment use cases: each accepted change is stored together with its event and audit entry. */
@Service
public class Experiments {

    private static final Logger log = LoggerFactory.getLogger(Experiments.class);
    /** The service itself, when it reacts to another service's event. */
    private static final Caller SYSTEM = new Caller("experiment-service", "experiment-service", Set.of(), null, null);
    private static final int ATTEMPTS = 5;

    private final ExperimentStore store;
    private final ExperimentCatalogue catalogue;
    private final PracticeDirectory practices;
    private final ExperimentEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    Experiments(ExperimentStore store, ExperimentCatalogue catalogue, PracticeDirectory practices, ExperimentEvents events,
            OutboxRelay relay, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.practices = practices;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public Experiment create(Caller caller, String practiceId, ExperimentDetails details) {
        PracticeRef practice = knownPractice(practiceId);
        ExperimentAccess.requireMayCreate(caller, practice, details);
        Experiment experiment = Experiment.create(UUID.randomUUID().toString(), practice, details, null, clock.instant());
        store.insert(experiment, events.of(ExperimentChange.CREATED, experiment),
                AuditEntry.of(caller, ExperimentChange.CREATED, 1, experiment.updatedAt(), "created in " + practice.name()));
        catalogue.written(experiment);
        log.info("Experiment {} created in practice {}: {}", experiment.id(), practice.id(), experiment.title());
        relay.wakeUp();
        return experiment;
    }

    public Experiment get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** Where an experiment was adopted: derived from the copies' links, so it can never drift from them. */
    public List<ExperimentSummary> adoptionsOf(String id) {
        return catalogue.matching(ExperimentSearch.copiesOf(id))
                .sorted(ExperimentCatalogue.BY_PRACTICE).toList();
    }

    public Experiment update(Caller caller, String id, Long expectedVersion, String practiceId, ExperimentDetails details) {
        return change(caller, id, expectedVersion, details, ExperimentChange.UPDATED, "details replaced", (current, practice) -> {
            if (practiceId != null && !practiceId.equals(current.practiceId())) {
                throw new ExperimentRuleViolation("practiceId",
                        "cannot change; an experiment stays in its practice (adopt it to start from it in another one)");
            }
            return current.update(details, practice, clock.instant());
        });
    }

    public Experiment transition(Caller caller, String id, Long expectedVersion, ExperimentStatus to, String reason) {
        return change(caller, id, expectedVersion, null, ExperimentChange.STATUS_CHANGED, "status " + to,
                (current, practice) -> current.transition(to, reason, practice, clock.instant()));
    }

    public Experiment startCycle(Caller caller, String id, String plan, String prediction, LocalDate startedOn) {
        return change(caller, id, null, null, ExperimentChange.CYCLE_RECORDED, "cycle started",
                (current, practice) -> current.startCycle(plan, prediction, startedOn, practice, clock.instant()));
    }

    public Experiment recordCycle(Caller caller, String id, Long expectedVersion, ImprovementCycle cycle) {
        return change(caller, id, expectedVersion, null, ExperimentChange.CYCLE_RECORDED, "cycle " + cycle.number() + " recorded",
                (current, practice) -> current.recordCycle(cycle, practice, clock.instant()));
    }

    public Measure addMeasure(Caller caller, String id, String name, String unit, BetterWhen betterWhen, Double target) {
        Measure measure = new Measure(UUID.randomUUID().toString(), name.trim(), unit.trim(), betterWhen, target, null,
                List.of(), List.of());
        change(caller, id, null, null, ExperimentChange.MEASURE_RECORDED, "measure " + measure.name() + " added",
                (current, practice) -> current.addMeasure(measure, practice, clock.instant()));
        return measure;
    }

    public Measure recordObservations(Caller caller, String id, String measureId, List<Observation> observations) {
        Experiment next = change(caller, id, null, null, ExperimentChange.MEASURE_RECORDED,
                observations.size() + " observation(s) of measure " + measureId,
                (current, practice) -> current.changeMeasure(requireMeasure(current, measureId).id(),
                        m -> m.record(observations), practice, clock.instant()));
        return requireMeasure(next, measureId);
    }

    public Measure analysisSettings(Caller caller, String id, String measureId, Integer baselinePoints, List<LocalDate> splitAt) {
        Experiment next = change(caller, id, null, null, ExperimentChange.MEASURE_RECORDED,
                "run-chart settings of measure " + measureId,
                (current, practice) -> current.changeMeasure(requireMeasure(current, measureId).id(),
                        m -> m.withAnalysisSettings(baselinePoints, splitAt), practice, clock.instant()));
        return requireMeasure(next, measureId);
    }

    public Measure measure(String id, String measureId) {
        return requireMeasure(get(id), measureId);
    }

    /** Run charts by experiment, measure and version: a chart is recomputed only after its experiment changed. */
    private final com.github.benmanes.caffeine.cache.Cache<String, RunChartView> runCharts =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2_000).build();

    public RunChartView runChart(String id, String measureId) {
        long version = store.version(id).orElseThrow(() -> notFound(id));
        RunChartView cached = runCharts.getIfPresent(id + "/" + measureId + "/" + version);
        if (cached != null) {
            return cached;
        }
        Experiment experiment = get(id);
        RunChartView chart = RunChartView.of(requireMeasure(experiment, measureId));
        runCharts.put(id + "/" + measureId + "/" + experiment.version(), chart);
        return chart;
    }

    public Experiment adopt(Caller caller, String originId, String targetPracticeId, List<String> owners) {
        Experiment origin = get(originId);
        PracticeRef target = knownPractice(targetPracticeId);
        Experiment adopted = origin.adoptInto(UUID.randomUUID().toString(), target, owners, clock.instant());
        ExperimentAccess.requireMayCreate(caller, target, adopted.details());
        store.insert(adopted, events.of(ExperimentChange.ADOPTED, adopted), AuditEntry.of(caller, ExperimentChange.ADOPTED, 1,
                adopted.updatedAt(), "adopted from '" + origin.title() + "' of " + origin.practiceName()));
        catalogue.written(adopted);
        log.info("Experiment {} adopted into practice {} as {}", originId, target.id(), adopted.id());
        relay.wakeUp();
        return adopted;
    }

    public AuditPage<AuditEntry> audit(String id, int page, int pageSize) {
        return store.audit(id, page, pageSize).orElseThrow(() -> notFound(id));
    }

    public ExperimentPage search(ExperimentSearch search) {
        return catalogue.search(search);
    }

    /** Every match ordered by practice and title, for exports and summaries. */
    public void forEach(ExperimentSearch search, java.util.function.Consumer<ExperimentSummary> action) {
        catalogue.matching(search).sorted(ExperimentCatalogue.BY_PRACTICE).forEach(action);
    }

    /**
     * A practice changed in practice-service. When it was archived, its unfinished experiments stop
     * (reason: the practice was archived) and all of them become read-only; each stop is a change
     * with its own event, so followers hear of it.
     */
    public void practiceChanged(PracticeRef practice) {
        if (!practice.archived()) {
            return;
        }
        List<String> stopped = new ArrayList<>();
        for (String id : store.unfinishedOf(practice.id())) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Experiment current = get(id);
                var next = current.stopBecausePracticeArchived(clock.instant());
                if (next.isEmpty()) {
                    break;
                }
                if (store.replace(next.get(), current.version(), events.of(ExperimentChange.STATUS_CHANGED, next.get()),
                        AuditEntry.of(SYSTEM, ExperimentChange.STATUS_CHANGED, next.get().version(), next.get().updatedAt(),
                                "stopped: practice " + practice.name() + " was archived"))) {
                    catalogue.written(next.get());
                    stopped.add(id);
                    break;
                }
                if (attempt == ATTEMPTS) {
                    // Not silently: the event fails, is retried with backoff and dead-lettered with this reason at last.
                    throw new IllegalStateException("Could not stop experiment " + id + " of archived practice " + practice.id()
                            + ": it changed under " + ATTEMPTS + " attempts in a row");
                }
            }
        }
        if (!stopped.isEmpty()) {
            log.info("Practice {} archived: stopped {} experiment(s)", practice.id(), stopped.size());
            relay.wakeUp();
        }
    }

    private PracticeRef knownPractice(String practiceId) {
        return practices.find(practiceId).orElseThrow(() -> new ExperimentRuleViolation("practiceId",
                "no practice " + practiceId + " is known here; it must exist in practice-service (new practices arrive within seconds)"));
    }

    private PracticeRef practiceOf(Experiment experiment) {
        return practices.find(experiment.practiceId())
                .orElse(new PracticeRef(experiment.practiceId(), experiment.practiceName(), false, List.of(), List.of()));
    }

    private static Measure requireMeasure(Experiment experiment, String measureId) {
        return experiment.measure(measureId).orElseThrow(() -> new Problem.NotFound("Measure not found",
                "Experiment " + experiment.id() + " has no measure " + measureId));
    }

    /**
     * Read, check, apply, write with a version guard. With an If-Match version a concurrent write is a
     * 412 for the client; without one (adding a cycle or observations) the change is simply re-applied
     * to the fresh state, which is safe because it is computed from that state.
     */
    private Experiment change(Caller caller, String id, Long expectedVersion, ExperimentDetails next, ExperimentChange change,
            String what, BiFunction<Experiment, PracticeRef, Experiment> operation) {
        for (int attempt = 1; ; attempt++) {
            Experiment current = get(id);
            PracticeRef practice = practiceOf(current);
            ExperimentAccess.requireMayChange(caller, current, practice, next);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw ETags.stale("Experiment", id, expectedVersion, current.version());
            }
            Experiment updated = operation.apply(current, practice);
            if (store.replace(updated, current.version(), events.of(change, updated),
                    AuditEntry.of(caller, change, updated.version(), updated.updatedAt(), what))) {
                catalogue.written(updated);
                log.info("Experiment {} {} (version {})", id, change.name().toLowerCase(Locale.ROOT), updated.version());
                relay.wakeUp();
                return updated;
            }
            if (expectedVersion != null || attempt == ATTEMPTS) {
                throw ETags.stale("Experiment", id, current.version(), get(id).version());
            }
        }
    }

    private static Problem.NotFound notFound(String id) {
        return new Problem.NotFound("Experiment not found", "No experiment with id " + id);
    }
}
