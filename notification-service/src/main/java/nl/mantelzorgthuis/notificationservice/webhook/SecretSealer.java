package nl.mantelzorgthuis.notificationservice.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals secrets for the store as {@code enc:v1:<key id>:<Base64(nonce | ciphertext | tag)>} with
 * AES-256-GCM (the JDK's), and opens them again with the key the id names, so keys can be rotated:
 * add a new key, make it current, restart (endpoints are re-sealed at start), then drop the old one.
 * A value without the prefix was stored before encryption and is read as it is.
 */
@Component
class SecretSealer {

    private static final Logger log = LoggerFactory.getLogger(SecretSealer.class);
    private static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKey;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    SecretSealer(NotificationProperties properties) {
        this.currentKey = properties.secrets().currentKey();
        properties.secrets().keys().forEach((id, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length != 32) {
                throw new IllegalStateException("notification.secrets.keys." + id + " must be 32 bytes in Base64, not " + key.length);
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (keys.isEmpty()) {
            log.warn("No notification.secrets.keys configured: webhook secrets are sealed with a development key. "
                    + "Set NOTIFICATION_SECRETS_CURRENT_KEY and NOTIFICATION_SECRETS_KEYS_<ID> in production (docs/operations.md)");
            keys.put(currentKey, new SecretKeySpec(sha256("mantelzorg-platform development key " + currentKey), "AES"));
        }
        if (!keys.containsKey(currentKey)) {
            throw new IllegalStateException("notification.secrets.current-key " + currentKey + " is not among the configured keys");
        }
    }

    String seal(String plain) {
        if (plain == null || plain.startsWith(PREFIX)) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + currentKey + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a secret", e);
        }
    }

    String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String keyId = rest.substring(0, colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A secret is sealed with key " + keyId + ", which is not configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open a secret sealed with key " + keyId, e);
        }
    }

    /** True when the value should be sealed again: stored in plain text, or with a key that is not current. */
    boolean stale(String stored) {
        return stored != null && !stored.startsWith(PREFIX + currentKey + ":");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
