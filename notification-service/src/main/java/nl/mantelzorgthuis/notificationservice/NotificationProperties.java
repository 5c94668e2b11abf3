package nl.mantelzorgthuis.notificationservice;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings (application.yml documents each; environment variables override them).
 *
 * @param platformUrl the gateway's public address, for links in messages and NRC resource URLs
 * @param topics      the topics whose CloudEvents become notifications (later topics by configuration)
 * @param retention   how long notifications, deliveries and the pull feed keep an event
 * @param inboxHeads  how many of the newest notifications inbox queries are answered from in memory (about 200
 *                    bytes each); 0: one per 2 KiB of the maximum heap (a tenth of it at most)
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") String platformUrl,
        @DefaultValue({"practice-events", "experiment-events", "socialmap-events"}) List<String> topics,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("0") int inboxHeads,
        @DefaultValue Consumer consumer,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Mail mail,
        @DefaultValue Secrets secrets) {

    /**
     * How webhook signing secrets and abonnement credentials are encrypted at rest (AES-256-GCM).
     *
     * @param currentKey the key id new values are sealed with
     * @param keys       key id → 32 random bytes in Base64 ({@code NOTIFICATION_SECRETS_KEYS_<ID>}); older ids
     *                   stay to open what they sealed until the start-up re-encryption has moved it on
     */
    public record Secrets(@DefaultValue("dev") String currentKey, @DefaultValue java.util.Map<String, String> keys) {
    }

    /**
     * @param group            the consumer group
     * @param concurrency      listener threads (at most the partitions of the topics)
     */
    public record Consumer(@DefaultValue("notification-service") String group, @DefaultValue("1") int concurrency) {
    }

    /**
     * @param allowedNetworks         CIDR ranges a webhook may reach although they are not public
     * @param requireHttps            refuse plain http callback URLs (except into allowed networks)
     * @param retryDelays             the wait before each retry; their sum is how long a message is tried
     * @param jitter                  the fraction a wait is varied by, so retries of many messages spread
     * @param lease                   how long a claimed delivery is reserved for one replica (a waiting retry: until
     *                                it is due plus this)
     * @param pollInterval            how often a replica looks for deliveries whose lease ran out (another replica
     *                                stopped); what a replica holds itself it attempts on time from memory
     * @param replica                 this replica's name on its leases (application.yml: the host name, a pod's name); a
     *                                replica started again under the same name takes its own leases back at once
     * @param maxConcurrentPerEndpoint calls in flight to one endpoint; a slow receiver waits on its own
     * @param disableAfter            an endpoint failing without a success this long is disabled
     * @param secretGracePeriod       how long a rotated-out signing secret keeps signing
     * @param feedSettle              how old a notification must be before the pull feed shows it
     */
    public record Webhooks(@DefaultValue({}) List<String> allowedNetworks, @DefaultValue("true") boolean requireHttps,
            @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration responseTimeout,
            @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retryDelays,
            @DefaultValue("0.2") double jitter, @DefaultValue("60s") Duration lease,
            @DefaultValue("15s") Duration pollInterval, @DefaultValue("local") String replica,
            @DefaultValue("8") int maxConcurrentPerEndpoint,
            @DefaultValue("5d") Duration disableAfter, @DefaultValue("24h") Duration secretGracePeriod,
            @DefaultValue("2s") Duration feedSettle) {
    }

    public record Mail(@DefaultValue("In voor mantelzorg-thuis <notificaties@invoormantelzorg.nl>") String from,
            @DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration digestCheckInterval) {
    }
}
