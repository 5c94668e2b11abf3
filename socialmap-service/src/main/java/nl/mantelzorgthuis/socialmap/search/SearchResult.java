package nl.mantelzorgthuis.socialmap.search;

import java.util.List;
import java.util.Map;

import nl.mantelzorgthuis.socialmap.offer.domain.Offer;

/**
 * One page of search results with facet counts over all matches (per dimension: value → count).
 * {@code needsVerification} flags entries nobody confirmed for a year; {@code distanceKm} is to the
 * nearest location when the search had a point; {@code place} is what {@code near} was resolved to.
 */
public record SearchResult(List<Hit> items, Map<String, Map<String, Integer>> facets, PageInfo page, List<String> notes,
        nl.mantelzorgthuis.socialmap.place.Place place) {

    /** The same result, with the place the search was near and what the caller should know about it. */
    public SearchResult near(nl.mantelzorgthuis.socialmap.place.Place where, List<String> moreNotes) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(moreNotes);
        return new SearchResult(items, facets, page, List.copyOf(all), where);
    }


    public record Hit(Offer service, Double distanceKm, boolean needsVerification) {
    }

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }
}
