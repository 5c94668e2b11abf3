package nl.mantelzorgthuis.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import nl.mantelzorgthuis.testsupport.BrowserLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo practices (resources/demo/practices.json, built from the seed texts) through the
 * gateway API on first start, so they pass the same validation and publish the same events as any
 * other write. A marker file keeps a restart from loading them twice.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoData() {
    }

    /** The demo accounts file, copied out of the launcher jar for the identity service to read. */
    static Path accountsFile(Path dataDir) throws IOException {
        Path file = dataDir.resolve("demo-accounts.json");
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/accounts.json")) {
            Files.createDirectories(dataDir);
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    static int loadOnce(PlatformConfig config) throws Exception {
        Path dataDir = config.dataDir();
        int gatewayPort = config.gatewayPort();
        Path marker = dataDir.resolve("demo-data-loaded");
        if (Files.exists(marker)) {
            return 0;
        }
        JsonNode practices;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/practices.json")) {
            practices = JSON.readTree(in).get("practices");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // Loaded as the demo coordinator, logged in like a person through the portal client.
        String token = BrowserLogin.accessToken(config.issuer(), "portal", PlatformConfig.PORTAL_SECRET,
                config.portalRedirectUri(), PlatformConfig.DEMO_COORDINATOR, PlatformConfig.DEMO_COORDINATOR_PASSWORD);
        int loaded = 0;
        for (JsonNode practice : practices) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + gatewayPort + "/api/v1/practices"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", "demo-data-" + loaded)
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(practice)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Demo practice " + practice.get("name") + " was refused: "
                        + response.statusCode() + " " + response.body());
            }
            loaded++;
        }
        Files.writeString(marker, "loaded " + loaded + " practices\n");
        return loaded;
    }
}
