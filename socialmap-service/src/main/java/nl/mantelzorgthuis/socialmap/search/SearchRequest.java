package nl.mantelzorgthuis.socialmap.search;

import java.time.DayOfWeek;
import java.time.LocalTime;

import nl.mantelzorgthuis.socialmap.offer.domain.Cost;
import nl.mantelzorgthuis.socialmap.offer.domain.FundingRoute;

/**
 * A public search: words, a place (point and radius), and filters combined with AND. All optional.
 * {@code area} is a CBS municipality code the service must cover (its service areas).
 */
public record SearchRequest(
        String text,
        Double latitude,
        Double longitude,
        Double radiusKm,
        String area,
        String taxonomyTerm,
        FundingRoute funding,
        Cost cost,
        String language,
        DayOfWeek openDay,
        LocalTime openTime,
        Integer age,
        int page,
        int pageSize) {

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }
}
