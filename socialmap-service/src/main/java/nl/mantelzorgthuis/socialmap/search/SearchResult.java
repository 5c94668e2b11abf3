package nl.mantelzorgthuis.socialmap.search;

import java.util.List;
import java.util.Map;

import nl.mantelzorgthuis.socialmap.service.domain.ServiceEntry;

/**
 * One page of search results with facet counts over all matches (per dimension: value → count).
 * {@code needsVerification} flags entries nobody confirmed for a year; {@code distanceKm} is to the
 * nearest location when the search had a point.
 */
public record SearchResult(List<Hit> items, Map<String, Map<String, Integer>> facets, PageInfo page, List<String> notes) {

    public record Hit(ServiceEntry service, Double distanceKm, boolean needsVerification) {
    }

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }
}
