package nl.mantelzorgthuis.starter.audit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail of a service's aggregates ({@code platform.audit.*}).
 *
 * @param enabled       false leaves the trail out (a service without audited aggregates)
 * @param collection    where the entries live, one document each, apart from the aggregates they describe
 * @param collections   the aggregate collections whose documents may hold entries not yet moved
 * @param sweepInterval how often entries a stopped process did not move are looked for (also once at start)
 */
@ConfigurationProperties("platform.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("audit") String collection,
        @DefaultValue List<String> collections,
        @DefaultValue("10m") Duration sweepInterval) {
}
