package nl.mantelzorgthuis.notificationservice.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Standard Webhooks signing with the specification's reference library: {@code v1,<base64 HMAC-SHA256>}
 * of "{webhook-id}.{webhook-timestamp}.{body}", one signature per valid secret (space-separated) while
 * a rotated-out secret is in its grace period.
 */
final class Signatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static String sign(List<String> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> {
            try {
                return new Webhook(secret).sign(messageId, timestampSeconds, body);
            } catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
                throw new IllegalStateException("cannot sign with a stored secret", e);
            }
        }).collect(Collectors.joining(" "));
    }
}
