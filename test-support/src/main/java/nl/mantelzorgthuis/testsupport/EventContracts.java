package nl.mantelzorgthuis.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads the published event contracts (JSON Schemas and examples from the contracts module's
 * resources) and validates messages against them. Producers check what they publish; consumers check
 * that their own event types read the producer's examples.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContracts() {
    }

    /** Validation errors of {@code message} against {@code contracts/events/<schemaPath>}; empty when valid. */
    public static Set<String> violations(String schemaPath, String message) {
        JsonSchema schema = FACTORY.getSchema(readTree(schemaPath));
        try {
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(message));
            return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
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
