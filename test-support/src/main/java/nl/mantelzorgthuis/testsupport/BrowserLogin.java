package nl.mantelzorgthuis.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does in an OAuth2 authorization-code login with PKCE: follow redirects by hand,
 * keep cookies, fill in the login form (with its CSRF token). Used by tests of the identity service
 * (as the client itself) and of the gateway (which is the client, with its own session cookie).
 */
public final class BrowserLogin {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public HttpClient client() {
        return http;
    }

    /** GET, following redirects until {@code stop} matches the next location or a non-redirect comes. */
    public HttpResponse<String> follow(URI start, java.util.function.Predicate<URI> stop) throws Exception {
        URI next = start;
        for (int hop = 0; hop < 10; hop++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            URI location = next.resolve(response.headers().firstValue("Location").orElseThrow());
            if (stop.test(location)) {
                return response;
            }
            next = location;
        }
        throw new IllegalStateException("Too many redirects from " + start);
    }

    /** Posts the login form found at {@code loginPage}; returns the redirect the server answers with. */
    public URI submitLogin(URI loginPage, String username, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(loginPage).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        if (csrf.find()) {
            form.put("_csrf", csrf.group(1));
        }
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(loginPage)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formEncode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = posted.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Login refused: " + posted.statusCode()));
        URI target = loginPage.resolve(location);
        if (target.getQuery() != null && target.getQuery().contains("error")) {
            throw new IllegalStateException("Login refused for " + username);
        }
        return target;
    }

    /**
     * The whole authorization-code flow with PKCE against an OpenID provider, as a confidential
     * client (e.g. the portal's backend) would run it for a person: returns the access token.
     */
    public static String accessToken(String issuer, String clientId, String clientSecret, String redirectUri,
            String username, String password) throws Exception {
        BrowserLogin browser = new BrowserLogin();
        Pkce pkce = Pkce.create();
        String state = Pkce.create().verifier();
        URI authorize = URI.create(issuer + "/oauth2/authorize?" + formEncode(Map.of(
                "response_type", "code", "client_id", clientId, "redirect_uri", redirectUri, "scope", "openid platform",
                "state", state, "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        HttpResponse<String> toLogin = browser.follow(authorize, uri -> uri.getPath().equals("/login"));
        URI afterLogin = browser.submitLogin(authorize.resolve(toLogin.headers().firstValue("Location").orElseThrow()), username, password);
        HttpResponse<String> toClient = browser.follow(afterLogin, uri -> uri.toString().startsWith(redirectUri));
        Map<String, String> params = query(URI.create(toClient.headers().firstValue("Location").orElseThrow()));
        if (!state.equals(params.get("state")) || params.get("code") == null) {
            throw new IllegalStateException("No authorization code: " + params);
        }
        HttpResponse<String> tokens = browser.http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(Map.of("grant_type", "authorization_code",
                        "code", params.get("code"), "redirect_uri", redirectUri, "code_verifier", pkce.verifier())))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(tokens.body());
        if (tokens.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Token exchange refused: " + tokens.statusCode() + " " + tokens.body());
        }
        return token.group(1);
    }

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /** A PKCE verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() throws Exception {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
    }

    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}
