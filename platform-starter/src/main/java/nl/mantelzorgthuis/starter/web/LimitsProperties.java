package nl.mantelzorgthuis.starter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize the largest request body a service reads (as at the gateway) */
@ConfigurationProperties("platform.limits")
public record LimitsProperties(@DefaultValue("2MB") DataSize maxBodySize) {
}
