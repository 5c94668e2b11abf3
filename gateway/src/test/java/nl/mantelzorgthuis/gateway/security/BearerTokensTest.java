package nl.mantelzorgthuis.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

/** The scanning converter must read exactly what Spring Security's own converter reads. */
class BearerTokensTest {

    final BearerTokens ours = new BearerTokens();
    final ServerBearerTokenAuthenticationConverter library = new ServerBearerTokenAuthenticationConverter();

    @Test
    void reads_the_same_token_or_gives_the_same_refusal_as_spring_security() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
                "bearer abc.def.ghi", "BEARER abc", "Bearer abc==", "Bearer abc=d", "Bearer a+b/c~d-e_f.g",
                "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer abc def", "Bearer ===", "Bearer é",
                "Basic dXNlcjpwYXNz", "Bearerabc", "Token abc", ""));
        Random random = new Random(42);
        String alphabet = "aZ09-._~+/= \t!é";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
            for (int n = random.nextInt(12); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(read(ours, header)).as(header).isEqualTo(read(library, header));
        }
    }

    @Test
    void a_call_without_authorization_header_has_no_token() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/practices"));
        assertThat(ours.convert(exchange).blockOptional()).isEmpty();
    }

    private static String read(org.springframework.security.web.server.authentication.ServerAuthenticationConverter converter, String header) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/practices").header("Authorization", header));
        try {
            Authentication authentication = converter.convert(exchange).block();
            return authentication == null ? "none" : "token:" + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (RuntimeException e) {
            return "refused:" + e.getClass().getSimpleName() + ":" + e.getMessage();
        }
    }
}
