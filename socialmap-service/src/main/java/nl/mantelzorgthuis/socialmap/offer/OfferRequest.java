package nl.mantelzorgthuis.socialmap.offer;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.socialmap.offer.domain.Cost;
import nl.mantelzorgthuis.socialmap.offer.domain.FundingRoute;
import nl.mantelzorgthuis.socialmap.offer.domain.Location;
import nl.mantelzorgthuis.socialmap.offer.domain.OpeningHours;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferDetails;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferStatus;

/** A social-map entry as clients send it, validated at the edge (400 with invalidParams). */
record OfferRequest(
        @NotBlank @Size(max = 200) String organization,
        @Size(max = 100) String externalId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String alternateName,
        @Size(max = 4000) String description,
        OfferStatus status,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Email @Size(max = 200) String email,
        @Size(max = 50) @Pattern(regexp = "[+0-9 ()-]{6,50}", message = "must be a phone number") String phone,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> taxonomyTerms,
        Set<@NotNull FundingRoute> fundingRoutes,
        Cost cost,
        @Size(max = 500) String costDescription,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as nl") String> languages,
        @Min(0) @Max(150) Integer minimumAge,
        @Min(0) @Max(150) Integer maximumAge,
        @Size(max = 400) List<@NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0193") String> serviceAreas,
        @Size(max = 50) List<@Valid @NotNull LocationRequest> locations,
        @Size(max = 50) List<@Valid @NotNull HoursRequest> schedules,
        Boolean demo) {

    record LocationRequest(
            @Size(max = 200) String name,
            @Size(max = 200) String address,
            @Pattern(regexp = "\\d{4} ?[A-Z]{2}", message = "must be a Dutch postcode such as 8011 AB") String postalCode,
            @Size(max = 100) String city,
            @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0193") String municipality,
            @Pattern(regexp = "Groningen|Fryslân|Friesland|Drenthe|Overijssel|Flevoland|Gelderland|Utrecht|Noord-Holland|Zuid-Holland|Zeeland|Noord-Brabant|Limburg",
                    message = "must be one of the twelve provinces, e.g. Overijssel") String province,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    record HoursRequest(@NotNull DayOfWeek day, @NotNull LocalTime opensAt, @NotNull LocalTime closesAt) {
    }

    OfferDetails toDetails() {
        return new OfferDetails(organization.trim(), blank(externalId), name.trim(), blank(alternateName), blank(description), status,
                blank(url), blank(email), blank(phone), taxonomyTerms, fundingRoutes, cost, blank(costDescription), languages,
                minimumAge, maximumAge, serviceAreas,
                locations == null ? null : locations.stream().map(l -> new Location(blank(l.name()), blank(l.address()),
                        l.postalCode(), blank(l.city()), l.municipality(),
                        l.province(), l.latitude(), l.longitude())).toList(),
                schedules == null ? null : schedules.stream().map(h -> new OpeningHours(h.day(), h.opensAt(), h.closesAt())).toList());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
