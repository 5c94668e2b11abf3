package nl.mantelzorgthuis.socialmap.offer.domain;

import java.util.List;
import java.util.Set;

/** What the owner of a social-map entry writes about it. */
public record OfferDetails(
        String organization,
        String externalId,
        String name,
        String alternateName,
        String description,
        OfferStatus status,
        String url,
        String email,
        String phone,
        List<String> taxonomyTerms,
        Set<FundingRoute> fundingRoutes,
        Cost cost,
        String costDescription,
        List<String> languages,
        Integer minimumAge,
        Integer maximumAge,
        List<String> serviceAreas,
        List<Location> locations,
        List<OpeningHours> schedules) {

    public OfferDetails {
        taxonomyTerms = taxonomyTerms == null ? List.of() : List.copyOf(taxonomyTerms);
        fundingRoutes = fundingRoutes == null ? Set.of() : Set.copyOf(fundingRoutes);
        languages = languages == null ? List.of() : List.copyOf(languages);
        serviceAreas = serviceAreas == null ? List.of() : List.copyOf(serviceAreas);
        locations = locations == null ? List.of() : List.copyOf(locations);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        status = status == null ? OfferStatus.ACTIVE : status;
    }
}
