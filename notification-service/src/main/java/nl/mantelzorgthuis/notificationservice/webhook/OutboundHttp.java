package nl.mantelzorgthuis.notificationservice.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import nl.mantelzorgthuis.notificationservice.NotificationProperties;
import nl.mantelzorgthuis.notificationservice.webhook.domain.AddressPolicy;
import nl.mantelzorgthuis.notificationservice.webhook.domain.AttemptResult;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Outgoing calls to endpoints. The host name is resolved once, every address is checked against the
 * {@link AddressPolicy}, and the connection goes to exactly those checked addresses (Apache
 * HttpClient's DnsResolver hook), so a name that resolves to a public address at the check and to an
 * internal one a moment later (DNS rebinding) cannot slip through. Redirects are not followed.
 */
@Component
class OutboundHttp {

    /** Refused before any connection: the target is not allowed. */
    static final class ForbiddenTarget extends UnknownHostException {
        ForbiddenTarget(String message) {
            super(message);
        }
    }

    private final AddressPolicy policy;
    private final CloseableHttpClient client;
    private final Clock clock;
    private final boolean requireHttps;

    OutboundHttp(NotificationProperties properties, Clock clock) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        this.policy = new AddressPolicy(webhooks.allowedNetworks());
        this.clock = clock;
        this.requireHttps = webhooks.requireHttps();
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
                InetAddress[] allowed = Arrays.stream(addresses).filter(policy::permits).toArray(InetAddress[]::new);
                if (allowed.length == 0) {
                    throw new ForbiddenTarget(host + " resolves to an address the platform does not call ("
                            + Arrays.toString(addresses) + ")");
                }
                return allowed;
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(checked)
                .setMaxConnTotal(1000)
                .setMaxConnPerRoute(Math.max(webhooks.maxConcurrentPerEndpoint(), 2))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(webhooks.connectTimeout()))
                        .setSocketTimeout(Timeout.of(webhooks.responseTimeout()))
                        .setTimeToLive(Timeout.ofMinutes(5)).build())
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("mantelzorg-platform-notifications/1.0")
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(webhooks.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(Duration.ofSeconds(30))).build())
                .evictIdleConnections(Timeout.ofMinutes(1))
                .build();
    }

    /**
     * Why this URL may not be registered, or null when it may. Checked again on every call (the name
     * may resolve differently later); this early check gives the registering system a clear answer.
     */
    String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "is not a valid URL";
        }
        if (uri.getHost() == null || uri.getScheme() == null || !uri.isAbsolute()) {
            return "must be an absolute https URL";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials";
        }
        String scheme = uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an https URL";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "has a host name that does not resolve";
        }
        for (InetAddress address : addresses) {
            if (!policy.permits(address)) {
                return "points at an address inside a private or reserved network, which the platform does not call";
            }
        }
        boolean allowedInside = Arrays.stream(addresses).allMatch(policy::onlyByAllowance);
        if (scheme.equals("http") && requireHttps && !allowedInside) {
            return "must be an https URL";
        }
        return null;
    }

    AttemptResult post(String url, String body, String contentType, Map<String, String> headers) {
        long start = System.nanoTime();
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.parse(contentType)));
        try {
            return client.execute(post, response -> {
                try (InputStream in = response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent()) {
                    in.readNBytes(64 * 1024); // read (and drop) a bounded answer so the connection can be reused
                }
                var retryAfter = response.getFirstHeader("Retry-After");
                int status = response.getCode();
                java.time.Duration wait = status == 429 || status == 503
                        ? AttemptResult.parseRetryAfter(retryAfter == null ? null : retryAfter.getValue(), clock.instant()) : null;
                return new AttemptResult(status, elapsed(start), status >= 300 ? "HTTP " + status : null, wait);
            });
        } catch (ForbiddenTarget e) {
            return new AttemptResult(0, elapsed(start), "refused: " + e.getMessage(), null);
        } catch (IOException e) {
            return new AttemptResult(0, elapsed(start), e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }
}
