package nl.mantelzorgthuis.socialmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mantelzorgthuis.testsupport.EventContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples consumers test against are themselves valid under the published schema. */
class ContractExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"service-created", "respite-route-changed"})
    void published_examples_match_the_schema(String example) {
        String message = EventContracts.read("socialmap/examples/" + example + ".json");
        assertThat(EventContracts.violations("socialmap/socialmap-event.schema.json", message)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"specversion\":\"1.0\",\"type\":\"nl.mantelzorgthuis.socialmap.service.deleted.v1\"}"})
    void schema_rejects_messages_outside_the_contract(String message) {
        assertThat(EventContracts.violations("socialmap/socialmap-event.schema.json", message)).isNotEmpty();
    }
}
