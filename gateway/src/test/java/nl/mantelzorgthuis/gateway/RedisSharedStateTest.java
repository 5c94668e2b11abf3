package nl.mantelzorgthuis.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import nl.mantelzorgthuis.testsupport.KafkaBroker;
import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas sharing one Redis (a real redis-server on this machine) share each client's
 * limit and the portal sessions, as in compose and Kubernetes. Skipped where redis-server is not installed.
 */
class RedisSharedStateTest {

    static Process redis;
    static int redisPort;
    static HttpServer backend;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static int firstPort;
    static int secondPort;

    @BeforeAll
    static void start() throws Exception {
        Path redisServer = Path.of("/usr/bin/redis-server");
        assumeTrue(Files.isExecutable(redisServer), "redis-server is not installed (apt-get install redis-server)");
        redisPort = KafkaBroker.freePort();
        redis = new ProcessBuilder(redisServer.toString(), "--port", String.valueOf(redisPort), "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", redisPort), 500);
                return true;
            }
        });
        backend = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        backend.createContext("/api/v1/practices", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        first = replica(redisPort);
        second = replica(redisPort);
        firstPort = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    static ConfigurableApplicationContext replica(int redisPort) {
        // Command-line arguments: they outrank application.yml, as environment variables would.
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--platform.services.practice=http://localhost:" + backend.getAddress().getPort(),
                "--platform.identity.issuer=" + TestIssuer.shared().issuer(),
                "--platform.rate-limit.store=redis",
                "--platform.session.store=redis",
                "--platform.rate-limit.replenish-rate=1",
                "--platform.rate-limit.burst-capacity=4",
                "--spring.data.redis.port=" + redisPort,
                "--management.health.redis.enabled=true");
    }

    @Test
    void portal_sessions_live_in_the_shared_store() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + firstPort + "/oauth2/authorization/portal")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .findFirst().orElseThrow().getValue();
        Process scan = new ProcessBuilder("redis-cli", "-p", String.valueOf(redisPort), "--scan", "--pattern", "mantelzorg:gateway:session:*")
                .redirectErrorStream(true).start();
        String keys = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // The browser's session lives in Redis, where every replica finds it.
        assertThat(keys).contains("mantelzorg:gateway:session:sessions:" + session);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        if (backend != null) {
            backend.stop(0);
        }
        if (redis != null) {
            redis.destroy();
        }
    }

    @Test
    void replicas_share_each_clients_limit_through_redis() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = TestIssuer.shared().municipalClient("shared-" + System.nanoTime(), "GM0193");
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            int port = i % 2 == 0 ? firstPort : secondPort;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/practices"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                allowed++;
            } else if (response.statusCode() == 429) {
                refused++;
            }
        }
        // Burst 4 plus at most a few refills during the loop: far below the 8 two separate limits would allow.
        assertThat(allowed).isBetween(4, 6);
        assertThat(refused).isEqualTo(10 - allowed);
        assertThat(List.of(firstPort, secondPort)).doesNotHaveDuplicates();
    }

}
