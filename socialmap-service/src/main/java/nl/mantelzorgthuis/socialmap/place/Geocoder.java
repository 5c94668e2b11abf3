package nl.mantelzorgthuis.socialmap.place;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Resolves a Dutch postcode or place name to a point with the public PDOK Locatieserver (its "free"
 * endpoint and answer format). Cached, with explicit timeouts and a circuit breaker: when PDOK is slow
 * or unreachable, searches do not wait for it; they go on without the place and say why.
 */
@Component
public class Geocoder {

    private static final Logger log = LoggerFactory.getLogger(Geocoder.class);
    private static final Pattern POSTCODE = Pattern.compile("\\d{4} ?[A-Za-z]{2}");
    private static final Pattern POINT = Pattern.compile("POINT\\(([-0-9.]+) ([-0-9.]+)\\)");

    private final RestClient http;
    private final GeocoderProperties properties;
    private final CircuitBreaker breaker;
    private final Cache<String, Place> found;
    private final Cache<String, Place> missing;

    Geocoder(GeocoderProperties properties, MeterRegistry meters) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(java.time.Duration.ofSeconds(30)).build());
        this.breaker = registry.circuitBreaker("geocoder");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        this.found = Caffeine.newBuilder().maximumSize(properties.cacheSize()).expireAfterWrite(properties.cacheFor()).build();
        this.missing = Caffeine.newBuilder().maximumSize(properties.cacheSize()).expireAfterWrite(properties.cacheMissesFor()).build();
    }

    public Place resolve(String query) {
        String key = normalise(query);
        Place cached = found.getIfPresent(key);
        if (cached == null) {
            cached = missing.getIfPresent(key);
        }
        if (cached != null) {
            return cached;
        }
        try {
            Place place = breaker.executeSupplier(() -> lookUp(query, key));
            (place.resolved() ? found : missing).put(key, place);
            return place;
        } catch (CallNotPermittedException open) {
            return Place.notResolved(query, "the geocoder (PDOK Locatieserver) failed repeatedly and is not asked for a while; "
                    + "search with lat and lon instead");
        } catch (RuntimeException e) {
            log.warn("Geocoder failed for '{}': {}", query, e.toString());
            return Place.notResolved(query, "the geocoder (PDOK Locatieserver) did not answer in time or at all; "
                    + "search with lat and lon instead");
        }
    }

    private Place lookUp(String query, String key) {
        boolean postcode = POSTCODE.matcher(key).matches();
        URI uri = UriComponentsBuilder.fromUriString(properties.url())
                .queryParam("q", postcode ? key.replace(" ", "") : key)
                .queryParam("fq", postcode ? "type:postcode" : "type:(woonplaats OR gemeente)")
                .queryParam("fl", "weergavenaam,centroide_ll,gemeentecode,type")
                .queryParam("rows", 1)
                .encode().build().toUri();
        JsonNode answer = http.get().uri(uri).retrieve().body(JsonNode.class);
        JsonNode docs = answer == null ? null : answer.path("response").path("docs");
        if (docs == null || docs.isEmpty()) {
            return Place.notResolved(query, "no " + (postcode ? "postcode" : "place") + " '" + query + "' is known to the geocoder");
        }
        JsonNode doc = docs.get(0);
        Matcher point = POINT.matcher(doc.path("centroide_ll").asString(""));
        if (!point.matches()) {
            throw new IllegalStateException("PDOK answer without centroide_ll for " + query);
        }
        String municipality = doc.hasNonNull("gemeentecode") ? "GM" + doc.get("gemeentecode").asString() : null;
        return Place.found(query, doc.path("weergavenaam").asString(query), Double.parseDouble(point.group(2)),
                Double.parseDouble(point.group(1)), municipality);
    }

    private static String normalise(String query) {
        String trimmed = query.trim().replaceAll("\\s+", " ");
        return POSTCODE.matcher(trimmed).matches() ? trimmed.toUpperCase(Locale.ROOT).replace(" ", "") : trimmed.toLowerCase(Locale.ROOT);
    }
}
