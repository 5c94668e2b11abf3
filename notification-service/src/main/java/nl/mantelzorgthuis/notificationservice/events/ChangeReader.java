package nl.mantelzorgthuis.notificationservice.events;

import nl.mantelzorgthuis.starter.consumer.MalformedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import nl.mantelzorgthuis.notificationservice.notice.PracticeDirectory;
import nl.mantelzorgthuis.notificationservice.notice.domain.Change;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a structured JSON CloudEvent of any platform topic into a {@link Change} (contracts in
 * contracts/events/). Practice, experiment and social-map events get their names, municipalities,
 * organisations and terms; an event type this service has no words for still becomes a change
 * (kind and action from its type, item from its subject), so later topics only need configuration.
 */
@Component
class ChangeReader {

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final JsonMapper json;
    private final PracticeDirectory practices;

    ChangeReader(JsonMapper json, PracticeDirectory practices) {
        this.json = json;
        this.practices = practices;
    }

    Change read(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEvent("empty message");
        }
        CloudEvent event;
        try {
            event = FORMAT.deserialize(value.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new MalformedEvent("not a structured JSON CloudEvent: " + e.getMessage(), e);
        }
        if (event.getId() == null || event.getId().isBlank() || event.getType() == null) {
            throw new MalformedEvent("event without id or type");
        }
        JsonNode data = data(event);
        String[] kindAndAction = Change.kindAndAction(event.getType());
        String kind = kindAndAction[0];
        String action = kindAndAction[1];
        Instant time = event.getTime() == null ? Instant.now() : event.getTime().toInstant();
        long version = version(event, data);
        Set<String> municipalities = new LinkedHashSet<>();
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> terms = new LinkedHashSet<>();
        String subject = event.getSubject();
        return switch (kind) {
            case "practice" -> {
                data.path("municipalities").forEach(m -> add(municipalities, m.path("cbsCode")));
                data.path("organisations").forEach(o -> add(organisations, o.path("name")));
                String id = text(data, "id", subject);
                practices.remember(id, text(data, "name", null), municipalities, version);
                yield new Change(event.getId(), event.getType(), kind, action, id, text(data, "name", null), null, null,
                        text(data, "status", null), null, municipalities, organisations, terms, time, version);
            }
            case "experiment" -> {
                data.path("organisations").forEach(o -> add(organisations, o));
                Object extension = event.getExtension("practiceid");
                String practiceId = text(data, "practiceId", extension == null ? null : extension.toString());
                PracticeDirectory.Practice practice = practiceId == null ? null : practices.find(practiceId);
                if (practice != null) {
                    municipalities.addAll(practice.municipalities());
                }
                String practiceName = text(data, "practiceName", practice == null ? null : practice.name());
                yield new Change(event.getId(), event.getType(), kind, action, text(data, "id", subject), text(data, "title", null),
                        practiceId, practiceName, text(data, "status", null), null, municipalities, organisations, terms, time, version);
            }
            case "service" -> {
                municipalities(event, municipalities);
                data.path("serviceAreas").forEach(a -> add(municipalities, a));
                String organisation = text(data, "organization", null);
                if (organisation != null) {
                    organisations.add(organisation);
                }
                data.path("taxonomyTerms").forEach(t -> add(terms, t));
                yield new Change(event.getId(), event.getType(), kind, action, text(data, "id", subject), text(data, "name", null),
                        null, null, text(data, "status", null), organisation, municipalities, organisations, terms, time, version);
            }
            case "respite-route" -> {
                municipalities(event, municipalities);
                add(municipalities, data.path("municipality"));
                yield new Change(event.getId(), event.getType(), kind, action, text(data, "municipality", subject),
                        text(data, "title", null), null, null, null, null, municipalities, organisations, terms, time, version);
            }
            default -> {
                municipalities(event, municipalities);
                yield new Change(event.getId(), event.getType(), kind, action, subject, text(data, "name", subject), null, null,
                        text(data, "status", null), null, municipalities, organisations, terms, time, version);
            }
        };
    }

    private JsonNode data(CloudEvent event) {
        if (event.getData() == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(event.getData().toBytes());
        } catch (RuntimeException e) {
            throw new MalformedEvent("data of event " + event.getId() + " is not JSON", e);
        }
    }

    private static void municipalities(CloudEvent event, Set<String> into) {
        Object extension = event.getExtension("municipality");
        if (extension != null) {
            for (String code : extension.toString().split(" ")) {
                if (code.matches("GM[0-9]{4}")) {
                    into.add(code);
                }
            }
        }
    }

    private static void add(Set<String> into, JsonNode node) {
        if (node != null && node.isString() && !node.asString().isBlank()) {
            into.add(node.asString());
        }
    }

    private static long version(CloudEvent event, JsonNode data) {
        Object extension = event.getExtension("aggregateversion");
        if (extension instanceof Number number) {
            return number.longValue();
        }
        if (extension != null) {
            try {
                return Long.parseLong(extension.toString());
            } catch (NumberFormatException e) {
                throw new MalformedEvent("aggregateversion '" + extension + "' is not a number");
            }
        }
        return data.path("version").isIntegralNumber() ? data.get("version").asLong() : 0;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? fallback : value.asString();
    }
}
