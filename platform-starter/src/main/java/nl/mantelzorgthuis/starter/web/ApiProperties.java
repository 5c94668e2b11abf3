package nl.mantelzorgthuis.starter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's public API ({@code platform.api.*}), as the Dutch API Design Rules describe it.
 *
 * @param version     the full version, sent as {@code API-Version} on every API response
 * @param prefix      the path every API operation starts with (the major version)
 * @param title       the OpenAPI document's title
 * @param description the OpenAPI document's description
 */
@ConfigurationProperties("platform.api")
public record ApiProperties(
        @DefaultValue("1.0.0") String version,
        @DefaultValue("/api/v1") String prefix,
        @DefaultValue("Platform API") String title,
        @DefaultValue("") String description) {
}
