package nl.mantelzorgthuis.experimentservice.experiment;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Experiment;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Measure;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an experiment change into its CloudEvent (contract: contracts/events/experiment). The data
 * is the experiment after the change with each measure's observation count and latest observation
 * instead of the whole series, so events stay small however long a series grows.
 */
@Component
public class ExperimentEvents {

    public static final URI SOURCE = URI.create("urn:nld:mantelzorgthuis:experiment-service");
    public static final URI DATA_SCHEMA = URI.create("urn:nld:mantelzorgthuis:schema:experiment-event:v1");
    public static final String TYPE_PREFIX = "nl.mantelzorgthuis.experiment.";

    private final JsonMapper json;

    ExperimentEvents(JsonMapper json) {
        this.json = json;
    }

    /** A measure as events carry it. */
    public record MeasureSummary(String id, String name, String unit, String betterWhen, Double target,
            int observationCount, Object latestObservation) {

        static MeasureSummary of(Measure m) {
            return new MeasureSummary(m.id(), m.name(), m.unit(), m.betterWhen().name(), m.target(), m.observations().size(),
                    m.observations().isEmpty() ? null : m.observations().getLast());
        }
    }

    /** An event carries at most this many cycles (the latest); cycles are unbounded, an event must not be. */
    static final int MAX_CYCLES = 20;

    /** The event data: the experiment, measures summarised, the latest cycles and how many there are. */
    public record ExperimentData(String id, long version, String practiceId, String practiceName, String title, String goal,
            String designQuestion, Object level, Object outcomes, Object phase, List<String> organisations, Object startDate,
            Object endDate, Object lessons, Object status, String stopReason, Object cycles, int cycleCount,
            List<MeasureSummary> measures, Object adoptedFrom, Object createdAt, Object updatedAt) {

        static ExperimentData of(Experiment e) {
            var cycles = e.cycles();
            return new ExperimentData(e.id(), e.version(), e.practiceId(), e.practiceName(), e.title(), e.goal(),
                    e.designQuestion(), e.level(), e.outcomes().stream().sorted().toList(), e.phase(), e.organisations(),
                    e.startDate(), e.endDate(), e.lessons(), e.status(), e.stopReason(),
                    cycles.subList(Math.max(0, cycles.size() - MAX_CYCLES), cycles.size()), cycles.size(),
                    e.measures().stream().map(MeasureSummary::of).toList(), e.adoptedFrom(), e.createdAt(), e.updatedAt());
        }
    }

    public OutboxEntry of(ExperimentChange change, Experiment experiment) {
        String id = UUID.randomUUID().toString();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(SOURCE)
                .withType(change.type())
                .withSubject(experiment.id())
                .withTime(experiment.updatedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(DATA_SCHEMA)
                .withExtension("aggregateversion", Math.toIntExact(experiment.version()))
                .withExtension("practiceid", experiment.practiceId())
                .withData(json.writeValueAsBytes(ExperimentData.of(experiment)))
                .build();
        return new OutboxEntry(id, event.getType(), experiment.updatedAt(), OutboxRelay.serialise(event));
    }
}
