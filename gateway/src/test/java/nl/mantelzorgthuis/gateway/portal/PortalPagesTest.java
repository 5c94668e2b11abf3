package nl.mantelzorgthuis.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.mantelzorgthuis.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal from the gateway's origin: deep links, caching, the CSP, and the 404 page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalPagesTest {

    static final TestIssuer issuer = TestIssuer.shared();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.identity.issuer", issuer::issuer);
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void serves_the_start_page_and_every_deep_link_with_the_same_page_revalidated_each_time() throws Exception {
        for (String path : new String[] {"/", "/sociale-kaart", "/sociale-kaart?q=respijtzorg&near=Zwolle", "/sociale-kaart/aanbod/abc",
                "/sociale-kaart/respijtzorg/GM0171", "/toegankelijkheid", "/portaal/praktijken"}) {
            HttpResponse<String> page = get(path, BROWSER);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<html lang=\"nl\"", "<div id=\"root\">");
            assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        }
    }

    @Test
    void caches_hashed_assets_for_a_year_and_sends_a_csp_without_inline_script_or_style() throws Exception {
        HttpResponse<String> page = get("/", BROWSER);
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.body());
        assertThat(script.find()).isTrue();
        HttpResponse<String> asset = get(script.group(1), "*/*");
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "immutable");

        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data: https://service.pdok.nl",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(get("/ontwerp/huisstijl.css", "text/css,*/*;q=0.1").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> compressed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + script.group(1)))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().firstValue("Vary").orElseThrow()).contains("Accept-Encoding");
        String unpacked = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(unpacked).isEqualTo(asset.body());
        assertThat(compressed.body().length).isLessThan(asset.body().length() / 2);
    }

    @Test
    void answers_an_unknown_page_with_the_portal_and_a_404_and_an_unknown_asset_or_api_path_with_a_plain_404() throws Exception {
        HttpResponse<String> unknown = get("/bestaat-niet", BROWSER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<div id=\"root\">");
        assertThat(get("/assets/bestaat-niet.js", "*/*").statusCode()).isEqualTo(404);
        assertThat(get("/bestaat-niet", "application/json").statusCode()).isEqualTo(404);
        HttpResponse<String> api = get("/api/v2/niets", BROWSER);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("<div id=\"root\">");
    }
}
