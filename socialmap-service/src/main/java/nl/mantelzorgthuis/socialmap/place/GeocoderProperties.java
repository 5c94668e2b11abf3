package nl.mantelzorgthuis.socialmap.place;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url            the PDOK Locatieserver "free" endpoint (or a stand-in that answers in its format)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for an answer; a search never waits longer than this for a place
 * @param cacheSize      places kept in memory
 * @param cacheFor       how long a found place is kept (postcodes and towns rarely move)
 * @param cacheMissesFor how long "no such place" is kept
 */
@ConfigurationProperties("socialmap.geocoder")
public record GeocoderProperties(
        @DefaultValue("https://api.pdok.nl/bzk/locatieserver/search/v3_1/free") String url,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("20000") int cacheSize,
        @DefaultValue("7d") Duration cacheFor,
        @DefaultValue("1h") Duration cacheMissesFor) {
}
