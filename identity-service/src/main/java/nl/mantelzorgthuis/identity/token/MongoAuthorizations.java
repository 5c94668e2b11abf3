package nl.mantelzorgthuis.identity.token;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorizations (codes, tokens, the login state in between) in MongoDB, so several identity-service
 * replicas can share a login that starts on one and ends on another. Spring Authorization Server
 * ships only in-memory and JDBC stores; this follows the JDBC one: attributes and token metadata
 * are JSON written with Spring Security's Jackson modules (which allow-list the types they read).
 * Expired entries are removed by a TTL index on a real MongoDB.
 */
@Component
class MongoAuthorizations implements OAuth2AuthorizationService {

    private static final String COLLECTION = "authorizations";
    private static final Map<String, String> VALUE_FIELDS = Map.of(
            OAuth2ParameterNames.STATE, "state",
            OAuth2ParameterNames.CODE, "authorizationCode.value",
            OAuth2TokenType.ACCESS_TOKEN.getValue(), "accessToken.value",
            OAuth2TokenType.REFRESH_TOKEN.getValue(), "refreshToken.value",
            OidcParameterNames.ID_TOKEN, "oidcIdToken.value");

    private final MongoCollection<Document> authorizations;
    private final RegisteredClientRepository clients;
    private final JsonMapper json = JsonMapper.builder()
            .addModules(SecurityJacksonModules.getModules(MongoAuthorizations.class.getClassLoader())).build();

    MongoAuthorizations(MongoTemplate mongo, RegisteredClientRepository clients) {
        this.authorizations = mongo.getCollection(COLLECTION);
        this.clients = clients;
        VALUE_FIELDS.values().forEach(field -> authorizations.createIndex(Indexes.ascending(field)));
        authorizations.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Document doc = new Document("_id", authorization.getId())
                .append("registeredClientId", authorization.getRegisteredClientId())
                .append("principalName", authorization.getPrincipalName())
                .append("grantType", authorization.getAuthorizationGrantType().getValue())
                .append("scopes", new ArrayList<>(authorization.getAuthorizedScopes()))
                .append("attributes", json.writeValueAsString(authorization.getAttributes()))
                .append("state", authorization.getAttribute(OAuth2ParameterNames.STATE));
        Instant expiresAt = Instant.now().plusSeconds(600);
        expiresAt = put(doc, "authorizationCode", authorization.getToken(OAuth2AuthorizationCode.class), expiresAt);
        expiresAt = put(doc, "accessToken", authorization.getToken(OAuth2AccessToken.class), expiresAt);
        expiresAt = put(doc, "refreshToken", authorization.getToken(OAuth2RefreshToken.class), expiresAt);
        expiresAt = put(doc, "oidcIdToken", authorization.getToken(OidcIdToken.class), expiresAt);
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getToken(OAuth2AccessToken.class);
        if (access != null) {
            ((Document) doc.get("accessToken")).append("scopes", new ArrayList<>(access.getToken().getScopes()));
        }
        doc.append("expiresAt", Date.from(expiresAt));
        authorizations.replaceOne(eq("_id", authorization.getId()), doc, new ReplaceOptions().upsert(true));
    }

    private Instant put(Document doc, String field, OAuth2Authorization.Token<? extends AbstractOAuth2Token> token, Instant latest) {
        if (token == null) {
            return latest;
        }
        AbstractOAuth2Token value = token.getToken();
        doc.append(field, new Document("value", value.getTokenValue())
                .append("issuedAt", value.getIssuedAt() == null ? null : Date.from(value.getIssuedAt()))
                .append("expiresAt", value.getExpiresAt() == null ? null : Date.from(value.getExpiresAt()))
                .append("metadata", json.writeValueAsString(token.getMetadata())));
        return value.getExpiresAt() != null && value.getExpiresAt().isAfter(latest) ? value.getExpiresAt() : latest;
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.deleteOne(eq("_id", authorization.getId()));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return read(authorizations.find(eq("_id", id)).first());
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Bson filter;
        if (tokenType == null) {
            filter = or(VALUE_FIELDS.values().stream().map(field -> eq(field, token)).toList());
        } else if (VALUE_FIELDS.containsKey(tokenType.getValue())) {
            filter = eq(VALUE_FIELDS.get(tokenType.getValue()), token);
        } else {
            return null;
        }
        return read(authorizations.find(filter).first());
    }

    private OAuth2Authorization read(Document doc) {
        if (doc == null) {
            return null;
        }
        RegisteredClient client = clients.findById(doc.getString("registeredClientId"));
        if (client == null) {
            return null; // the client was deactivated: its authorizations no longer count
        }
        Map<String, Object> attributes = map(doc.getString("attributes"));
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(doc.getString("_id"))
                .principalName(doc.getString("principalName"))
                .authorizationGrantType(new AuthorizationGrantType(doc.getString("grantType")))
                .authorizedScopes(new HashSet<>(doc.getList("scopes", String.class, List.of())))
                .attributes(a -> a.putAll(attributes));
        if (doc.getString("state") != null) {
            builder.attribute(OAuth2ParameterNames.STATE, doc.getString("state"));
        }
        token(doc, "authorizationCode", builder, (value, issued, expires, metadata) ->
                new OAuth2AuthorizationCode(value, issued, expires));
        token(doc, "accessToken", builder, (value, issued, expires, metadata) -> new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, value, issued, expires,
                Set.copyOf(((Document) doc.get("accessToken")).getList("scopes", String.class, List.of()))));
        token(doc, "refreshToken", builder, (value, issued, expires, metadata) -> new OAuth2RefreshToken(value, issued, expires));
        token(doc, "oidcIdToken", builder, (value, issued, expires, metadata) -> new OidcIdToken(value, issued, expires,
                castMap(metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME))));
        return builder.build();
    }

    private interface TokenFactory {
        AbstractOAuth2Token create(String value, Instant issuedAt, Instant expiresAt, Map<String, Object> metadata);
    }

    private void token(Document doc, String field, OAuth2Authorization.Builder builder, TokenFactory factory) {
        Document stored = (Document) doc.get(field);
        if (stored == null) {
            return;
        }
        Map<String, Object> metadata = map(stored.getString("metadata"));
        builder.token(factory.create(stored.getString("value"), instant(stored.getDate("issuedAt")), instant(stored.getDate("expiresAt")),
                metadata), m -> m.putAll(metadata));
    }

    private Map<String, Object> map(String text) {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
