package nl.mantelzorgthuis.practiceservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import nl.mantelzorgthuis.testsupport.Api;
import nl.mantelzorgthuis.testsupport.Infrastructure;
import nl.mantelzorgthuis.testsupport.architecture.AnsweredStatuses;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Serves the OpenAPI document and writes it to target/openapi for the API Design Rules lint in CI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PracticeApiContract.register(registry, Infrastructure.embedded(), "practices_openapi");
    }

    @Test
    void answers_generated_and_hostile_requests_for_every_operation_without_5xx_and_with_documented_problems() {
        String base = "http://localhost:" + port;
        assertThat(nl.mantelzorgthuis.testsupport.fuzz.ApiFuzzer.standard(new Api(base).get("/v3/api-docs").json(), base,
                nl.mantelzorgthuis.testsupport.TestIssuer.shared().coordinator()).findings()).isEmpty();
    }

    @Test
    void serves_an_openapi_3_1_document_following_the_design_rules() throws Exception {
        Api.Response response = new Api("http://localhost:" + port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("servers").get(0).get("url").asString()).isEqualTo("/api/v1");
        assertThat(doc.get("paths").propertyNames()).contains("/practices", "/practices/{id}", "/practices/{id}/archive");
        assertThat(doc.get("paths").get("/practices").get("post").get("responses").get("422").get("content")
                .propertyNames()).containsExactly("application/problem+json");
        assertThat(AnsweredStatuses.of("nl.mantelzorgthuis.practiceservice").mismatches(doc, "/api/v1")).isEmpty();
        Path out = Path.of("target", "openapi", "practice-service.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, response.body());
        nl.mantelzorgthuis.testsupport.PortalApiCopy.assertCurrent(doc, "practice-service");
    }
}
