package nl.mantelzorgthuis.identity.token;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/**
 * The token signing key, kept in MongoDB so tokens stay valid across restarts and every replica
 * signs with the same key. The first instance to start creates it; a unique _id settles races.
 */
@Configuration
class SigningKeys {

    private static final String COLLECTION = "signingKeys";
    private static final String CURRENT = "current";

    @Bean
    JWKSource<SecurityContext> jwkSource(MongoTemplate mongo) throws Exception {
        Document stored = mongo.findById(CURRENT, Document.class, COLLECTION);
        if (stored == null) {
            try {
                mongo.insert(new Document("_id", CURRENT).append("jwk", newKey().toJSONString()), COLLECTION);
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                // fine: use theirs
            }
            stored = mongo.findById(CURRENT, Document.class, COLLECTION);
        }
        return new ImmutableJWKSet<>(new JWKSet(parse(stored.getString("jwk"))));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    private static RSAKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
    }

    private static RSAKey parse(String json) throws ParseException {
        return RSAKey.parse(json);
    }
}
