package nl.mantelzorgthuis.starter.sample;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.starter.outbox.OutboxEntry;
import nl.mantelzorgthuis.starter.outbox.OutboxRelay;
import nl.mantelzorgthuis.starter.problem.ETags;
import nl.mantelzorgthuis.starter.problem.Problem;
import nl.mantelzorgthuis.starter.problem.ProblemHandling;
import nl.mantelzorgthuis.starter.security.ApiAccess;
import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service in miniature, as the platform's services use the starter: one aggregate, its events, its rule. */
@SpringBootApplication
public class SampleApplication {

    static final String COLLECTION = "samples";

    @Bean
    ApiAccess apiAccess() {
        return ApiAccess.builder().open(HttpMethod.GET, "/api/v1/samples/**").build();
    }

    /** The sample's one rule: a name may not be "forbidden". */
    public static final class SampleRuleViolation extends RuntimeException {
        SampleRuleViolation(String reason) {
            super(reason);
        }
    }

    /** A consumer too, as most services have: it must stop promptly when the broker is gone. */
    @org.springframework.stereotype.Component
    static class SampleListener {
        @org.springframework.kafka.annotation.KafkaListener(topics = "sample-events", groupId = "${spring.application.name}")
        void on(String event) {
            // reading is enough for the sample
        }
    }

    @RestControllerAdvice
    static class SampleProblems extends ProblemHandling {
        @ExceptionHandler(SampleRuleViolation.class)
        @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        ProblemDetail rule(SampleRuleViolation e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Breaks the sample rule", e.getMessage());
        }
    }

    record SampleRequest(@NotBlank @Size(max = 50) String name) {
    }

    @RestController
    static class SampleController {

        private final MongoTemplate mongo;
        private final OutboxRelay relay;
        private final Clock clock;

        SampleController(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
            this.mongo = mongo;
            this.relay = relay;
            this.clock = clock;
        }

        @PostMapping("/api/v1/samples")
        ResponseEntity<Map<String, Object>> create(@Valid @RequestBody SampleRequest request) throws SampleRuleViolation {
            if (request.name().equals("forbidden")) {
                throw new SampleRuleViolation("That name is not allowed");
            }
            String id = UUID.randomUUID().toString();
            Document doc = new Document("_id", id).append("name", request.name()).append("version", 1L)
                    .append(OutboxEntry.PENDING_FIELD, List.of(event(id, request.name()).toDocument()))
                    .append(OutboxEntry.FLAG_FIELD, true);
            mongo.getCollection(COLLECTION).insertOne(doc);
            relay.wakeUp();
            return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(1)).body(Map.of("id", id, "name", request.name()));
        }

        @GetMapping("/api/v1/samples/{id}")
        ResponseEntity<Map<String, Object>> get(@PathVariable String id) throws Problem.NotFound {
            Document doc = find(id);
            return ResponseEntity.ok().eTag(ETags.of(doc.getLong("version"))).body(Map.of("id", id, "name", doc.getString("name")));
        }

        @PutMapping("/api/v1/samples/{id}")
        ResponseEntity<Map<String, Object>> rename(@PathVariable String id,
                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                @Valid @RequestBody SampleRequest request) throws Problem.NotFound {
            Long expected = ETags.requiredVersion(ifMatch);
            Document doc = find(id);
            long version = doc.getLong("version");
            if (expected != null && expected != version) {
                throw ETags.stale("Sample", id, expected, version);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("name", request.name())
                    .set("version", version + 1), COLLECTION);
            return ResponseEntity.ok().eTag(ETags.of(version + 1)).body(Map.of("id", id, "name", request.name()));
        }

        private Document find(String id) {
            Document doc = mongo.findById(id, Document.class, COLLECTION);
            if (doc == null) {
                throw new Problem.NotFound("Sample not found", "No sample with id " + id);
            }
            return doc;
        }

        private OutboxEntry event(String id, String name) {
            String eventId = UUID.randomUUID().toString();
            var event = CloudEventBuilder.v1().withId(eventId).withSource(java.net.URI.create("urn:sample"))
                    .withType("nl.mantelzorgthuis.sample.created.v1").withSubject(id)
                    .withTime(clock.instant().atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                    .withData(("{\"name\":\"" + name + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
            return new OutboxEntry(eventId, event.getType(), clock.instant(), OutboxRelay.serialise(event));
        }
    }
}
