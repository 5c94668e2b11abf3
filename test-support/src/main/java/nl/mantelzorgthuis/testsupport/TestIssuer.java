package nl.mantelzorgthuis.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID issuer for a service's own tests: it publishes discovery and a JWK set over HTTP, so the
 * service under test configures and validates exactly as in production (issuer-uri, signature,
 * expiry, audience), and it signs tokens with the claims the platform's identity service issues
 * (see docs/identity.md). It can also sign with a key nobody published, or expired, or for another
 * audience. Services must not depend on identity-service's code, hence this stand-in.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "mantelzorg-platform";

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://localhost:" + server.getAddress().getPort();
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"response_types_supported\":[\"code\"],\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\"}";
        serve("/.well-known/openid-configuration", discovery);
        serve("/.well-known/oauth-authorization-server", discovery);
        serve("/jwks", new JWKSet(key.toPublicJWK()).toString());
        server.start();
    }

    private static TestIssuer shared;

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    private void serve(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    public String issuer() {
        return issuer;
    }

    public String coordinator() {
        return person("coordinator@invoormantelzorg.nl", List.of("COORDINATOR"), null);
    }

    public String staff(String organisation) {
        return person("staff@" + organisation.replaceAll("[^a-zA-Z]", "").toLowerCase() + ".nl", List.of("ORGANISATION_STAFF"), organisation);
    }

    public String operator() {
        return person("operator@invoormantelzorg.nl", List.of("OPERATOR"), null);
    }

    public String person(String email, List<String> roles, String organisation) {
        JWTClaimsSet.Builder claims = base(email, Duration.ofMinutes(10), AUDIENCE).claim("roles", roles)
                .claim("email", email).claim("name", email);
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        return sign(claims.build(), key);
    }

    public String municipalClient(String clientId, String cbsCode) {
        return sign(base(clientId, Duration.ofMinutes(10), AUDIENCE).claim("roles", List.of("MUNICIPAL_SYSTEM"))
                .claim("municipality", cbsCode).claim("name", clientId).build(), key);
    }


    public String expired() {
        return sign(base("coordinator@invoormantelzorg.nl", Duration.ofMinutes(-5), AUDIENCE)
                .claim("roles", List.of("COORDINATOR")).build(), key);
    }

    public String signedByAnotherKey() {
        return sign(base("coordinator@invoormantelzorg.nl", Duration.ofMinutes(10), AUDIENCE)
                .claim("roles", List.of("COORDINATOR")).build(), foreignKey);
    }

    public String forAnotherAudience() {
        return sign(base("coordinator@invoormantelzorg.nl", Duration.ofMinutes(10), "another-api")
                .claim("roles", List.of("COORDINATOR")).build(), key);
    }

    private JWTClaimsSet.Builder base(String subject, Duration validFor, String audience) {
        Instant now = Instant.now();
        Instant expiry = now.plus(validFor);
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(List.of(audience))
                .issueTime(Date.from(validFor.isNegative() ? expiry.minusSeconds(600) : now))
                .notBeforeTime(Date.from(validFor.isNegative() ? expiry.minusSeconds(600) : now))
                .expirationTime(Date.from(expiry)).jwtID(UUID.randomUUID().toString());
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
