package nl.mantelzorgthuis.socialmap.offer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One service on the social map (HSDS service with its organization, locations, schedules, service
 * areas and taxonomy), the aggregate. {@code maintainedBy} is the CBS code of the municipality whose
 * system maintains it by {@code externalId}; {@code lastVerifiedAt} is when someone last confirmed it
 * is still right, which is not the same as when it last changed ({@code updatedAt}).
 */
public record Offer(
        String id,
        long version,
        String organization,
        String externalId,
        String maintainedBy,
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
        List<OpeningHours> schedules,
        Instant lastVerifiedAt,
        String lastVerifiedBy,
        boolean demo,
        Instant createdAt,
        Instant updatedAt) {

    /** Entries not checked for this long are flagged in results and can be listed for follow-up. */
    public static final Duration VERIFICATION_PERIOD = Duration.ofDays(365);

    public Offer {
        taxonomyTerms = taxonomyTerms == null ? List.of() : List.copyOf(taxonomyTerms);
        fundingRoutes = fundingRoutes == null ? Set.of() : Set.copyOf(fundingRoutes);
        languages = languages == null ? List.of() : List.copyOf(languages);
        serviceAreas = serviceAreas == null ? List.of() : List.copyOf(serviceAreas);
        locations = locations == null ? List.of() : List.copyOf(locations);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
    }

    /** A new entry; whoever enters it vouches for it, so it counts as verified now. */
    public static Offer create(String id, OfferDetails d, String maintainedBy, String verifiedBy, boolean demo,
            Set<String> knownTerms, Instant now) {
        requireValid(d, knownTerms);
        return from(id, 1, d, maintainedBy, now, verifiedBy, demo, now, now);
    }

    /**
     * A changed entry; a change by its owner is also a check that it is right. The external id stays
     * when a change does not name one: it is how the municipality's system knows the entry.
     */
    public Offer update(OfferDetails d, String verifiedBy, Set<String> knownTerms, Instant now) {
        requireValid(d, knownTerms);
        OfferDetails kept = d.externalId() != null || externalId == null ? d : new OfferDetails(d.organization(), externalId, d.name(),
                d.alternateName(), d.description(), d.status(), d.url(), d.email(), d.phone(), d.taxonomyTerms(), d.fundingRoutes(),
                d.cost(), d.costDescription(), d.languages(), d.minimumAge(), d.maximumAge(), d.serviceAreas(), d.locations(),
                d.schedules());
        return from(id, version + 1, kept, maintainedBy, now, verifiedBy, demo, createdAt, now);
    }

    public Offer verify(String verifiedBy, Instant now) {
        return new Offer(id, version + 1, organization, externalId, maintainedBy, name, alternateName, description, status,
                url, email, phone, taxonomyTerms, fundingRoutes, cost, costDescription, languages, minimumAge, maximumAge,
                serviceAreas, locations, schedules, now, verifiedBy, demo, createdAt, now);
    }

    public OfferDetails details() {
        return new OfferDetails(organization, externalId, name, alternateName, description, status, url, email, phone,
                taxonomyTerms, fundingRoutes, cost, costDescription, languages, minimumAge, maximumAge, serviceAreas,
                locations, schedules);
    }

    public boolean needsVerification(Instant now) {
        return lastVerifiedAt == null || lastVerifiedAt.isBefore(now.minus(VERIFICATION_PERIOD));
    }

    private static void requireValid(OfferDetails d, Set<String> knownTerms) {
        List<Violation> violations = OfferRules.check(d, knownTerms);
        if (!violations.isEmpty()) {
            throw new OfferRuleViolation(violations);
        }
    }

    private static Offer from(String id, long version, OfferDetails d, String maintainedBy, Instant verifiedAt,
            String verifiedBy, boolean demo, Instant createdAt, Instant updatedAt) {
        return new Offer(id, version, d.organization().trim(), d.externalId(), maintainedBy, d.name().trim(),
                d.alternateName(), d.description(), d.status(), d.url(), d.email(), d.phone(), d.taxonomyTerms(),
                d.fundingRoutes(), d.cost(), d.costDescription(), d.languages(), d.minimumAge(), d.maximumAge(),
                d.serviceAreas(), d.locations(), d.schedules(), verifiedAt, verifiedBy, demo, createdAt, updatedAt);
    }
}
