package nl.mantelzorgthuis.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the published event contracts (JSON Schemas and examples from the contracts module's
 * resources) and validates messages against them. Producers check what they publish; consumers check
 * that their own event types read the producer's examples.
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Formats (date-time, uuid, uri) are asserted: an event with a malformed time is a broken contract. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private EventContracts() {
    }

    /**
     * Validation errors of {@code message} against {@code contracts/events/<schemaPath>} and the NL GOV
     * profile for CloudEvents ({@link NlGovCloudEvents}); empty when valid.
     */
    public static Set<String> violations(String schemaPath, String message) {
        Schema schema = REGISTRY.getSchema(readTree(schemaPath));
        try {
            Set<String> violations = schema.validate(JSON.readTree(message)).stream().map(com.networknt.schema.Error::getMessage)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            // Every published event follows the NL GOV profile for CloudEvents as well as its own contract.
            NlGovCloudEvents.violations(message).forEach(v -> violations.add("NL GOV profile: " + v));
            return violations;
        } catch (JacksonException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    /** The raw text of a contract resource, e.g. {@code practice/examples/practice-created.json}. */
    public static String read(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String path) {
        try (InputStream in = resource(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventContracts.class.getClassLoader().getResourceAsStream("contracts/events/" + path);
        if (in == null) {
            throw new IllegalArgumentException("No event contract at contracts/events/" + path);
        }
        return in;
    }
}
