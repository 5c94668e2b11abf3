package nl.mantelzorgthuis.practiceservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import nl.mantelzorgthuis.testsupport.EventContracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples consumers test against are themselves valid under the published schema. */
class ContractExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"practice-created", "practice-updated", "practice-archived"})
    void published_examples_match_the_schema(String example) {
        String message = EventContracts.read("practice/examples/" + example + ".json");
        assertThat(EventContracts.violations("practice/practice-event.schema.json", message)).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "\"specversion\": \"1.0\"|\"specversion\": \"0.3\"|specversion MUST be 1.0",
        "\"id\": \"|\"id\": \"event-|id SHOULD be a UUID",
        "urn:nld:mantelzorgthuis:practice-service|https://praktijken.example.org|source SHOULD be a URN with namespace nld",
        "nl.mantelzorgthuis.practice.created.v1|NL_Mantelzorg/practice created|type MUST be in reverse domain name notation",
        "practice.created.v1|practice.created.v1_0|type MUST be in reverse domain name notation",
        "\"time\": \"2026-11-23T10:15:00Z\"|\"time\": \"1 december 2026\"|time MUST be RFC 3339",
        "\"aggregateversion\"|\"aggregateVersion\"|attribute aggregateVersion",
        "\"datacontenttype\": \"application/json\"|\"datacontenttype\": \"text/xml\"|datacontenttype SHOULD be JSON"})
    void the_nl_gov_profile_check_finds_each_broken_rule(String from, String to, String expected) {
        String example = EventContracts.read("practice/examples/practice-created.json");
        assertThat(example).contains(from);
        assertThat(nl.mantelzorgthuis.testsupport.NlGovCloudEvents.violations(example)).isEmpty();
        assertThat(nl.mantelzorgthuis.testsupport.NlGovCloudEvents.violations(example.replace(from, to)))
                .anySatisfy(v -> assertThat(v).startsWith(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"specversion\":\"1.0\",\"type\":\"nl.mantelzorgthuis.practice.deleted.v1\"}"})
    void schema_rejects_messages_outside_the_contract(String message) {
        assertThat(EventContracts.violations("practice/practice-event.schema.json", message)).isNotEmpty();
    }
}
