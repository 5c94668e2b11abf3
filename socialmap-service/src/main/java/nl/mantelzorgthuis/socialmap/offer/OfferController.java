package nl.mantelzorgthuis.socialmap.offer;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.socialmap.search.SearchRequest;
import nl.mantelzorgthuis.socialmap.search.SearchResult;
import nl.mantelzorgthuis.socialmap.search.OfferIndex;
import nl.mantelzorgthuis.socialmap.offer.domain.Cost;
import nl.mantelzorgthuis.socialmap.offer.domain.FundingRoute;
import nl.mantelzorgthuis.socialmap.offer.domain.Offer;
import org.springframework.http.HttpHeaders;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferAccessDenied;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferRuleViolation;
import nl.mantelzorgthuis.starter.audit.AuditPage;
import nl.mantelzorgthuis.starter.problem.ETags;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/socialmap")
@Tag(name = "socialmap", description = "The social map (sociale kaart): support for caregivers, searchable by everyone")
class OfferController {

    private final Offers services;
    private final OfferIndex index;
    private final Taxonomy taxonomy;
    private final nl.mantelzorgthuis.socialmap.place.Geocoder geocoder;

    OfferController(Offers services, OfferIndex index, Taxonomy taxonomy, nl.mantelzorgthuis.socialmap.place.Geocoder geocoder) {
        this.services = services;
        this.index = index;
        this.taxonomy = taxonomy;
        this.geocoder = geocoder;
    }

    @GetMapping("/search")
    @Operation(summary = "Search the social map: words (Dutch, typo tolerant, with synonyms), near a point, and filters "
            + "combined with AND; facet counts over all matches", operationId = "searchServices")
    SearchResult search(
            @Parameter(description = "Words, e.g. logeeropvang dementie") @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
            @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Parameter(description = "A Dutch postcode or place name instead of lat/lon, resolved with PDOK Locatieserver")
            @RequestParam(required = false) @Size(min = 2, max = 100) String near,
            @Parameter(description = "Radius around lat/lon or near, in km (default 25 around a point, 10 around a place)")
            @RequestParam(required = false) @DecimalMin("0.1") @DecimalMax("300") Double radiusKm,
            @Parameter(description = "CBS code of the municipality the service must cover, e.g. GM0193")
            @RequestParam(required = false) @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0193") String municipality,
            @RequestParam(required = false) @Size(max = 100) String taxonomyTerm,
            @RequestParam(required = false) FundingRoute funding,
            @RequestParam(required = false) Cost cost,
            @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as nl") String language,
            @Parameter(description = "Open on this day (with openTime)") @RequestParam(required = false) DayOfWeek openDay,
            @Parameter(description = "Open at this time (HH:mm, with openDay)") @RequestParam(required = false) LocalTime openTime,
            @Parameter(description = "Age of the person cared for") @RequestParam(required = false) @Min(0) @Max(150) Integer age,
            @RequestParam(defaultValue = "0") @Min(0) @Max(500) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        if ((lat == null) != (lon == null)) {
            throw new Problem.BadRequest("Incomplete point", "Give both lat and lon, or neither");
        }
        if ((openDay == null) != (openTime == null)) {
            throw new Problem.BadRequest("Incomplete opening time", "Give both openDay and openTime, or neither");
        }
        nl.mantelzorgthuis.socialmap.place.Place place = null;
        List<String> notes = new java.util.ArrayList<>();
        Double radius = lat == null ? null : radiusKm == null ? 25.0 : radiusKm;
        if (lat == null && near != null && !near.isBlank()) {
            place = geocoder.resolve(near);
            if (place.resolved()) {
                lat = place.latitude();
                lon = place.longitude();
                radius = radiusKm == null ? 10.0 : radiusKm;
            } else {
                notes.add("'" + near + "' could not be resolved (" + place.reason() + "); these results are not limited to a place");
            }
        }
        return index.search(new SearchRequest(q, lat, lon, radius, municipality, taxonomyTerm, funding, cost, language, openDay,
                openTime, age, page, pageSize)).near(place, notes);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/services")
    @Operation(summary = "Add a service to the social map (your own organisation's, or as coordinator)", operationId = "createService")
    ResponseEntity<Offer> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody OfferRequest request)
            throws OfferAccessDenied, OfferRuleViolation {
        Offer entry = services.create(Callers.of(token), request.toDetails(), Boolean.TRUE.equals(request.demo()));
        return ResponseEntity.created(URI.create("/api/v1/socialmap/services/" + entry.id())).eTag(ETags.of(entry.version())).body(entry);
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "Get a service; the ETag carries its version", operationId = "getService")
    ResponseEntity<Offer> get(@PathVariable @Size(max = 64) String id)
            throws Problem.NotFound {
        Offer entry = services.get(id);
        return ResponseEntity.ok().eTag(ETags.of(entry.version())).body(entry);
    }

    @PutMapping("/services/{id}")
    @Operation(summary = "Replace a service; If-Match with the ETag you read is required", operationId = "updateService")
    ResponseEntity<Offer> update(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Parameter(description = "The ETag of the version this change is based on, or *", required = true)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody OfferRequest request)
            throws Problem.NotFound, OfferAccessDenied, OfferRuleViolation {
        Offer entry = services.update(Callers.of(token), id, ETags.requiredVersion(ifMatch), request.toDetails());
        return ResponseEntity.ok().eTag(ETags.of(entry.version())).body(entry);
    }

    @PostMapping("/services/{id}/verification")
    @Operation(summary = "Confirm that a service is still right (resets its last-verified date)", operationId = "verifyService")
    ResponseEntity<Offer> verify(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id)
            throws Problem.NotFound, OfferAccessDenied, OfferRuleViolation, Problem.PreconditionFailed {
        Offer entry = services.verify(Callers.of(token), id);
        return ResponseEntity.ok().eTag(ETags.of(entry.version())).body(entry);
    }

    @GetMapping("/services/{id}/audit")
    @Operation(summary = "The audit trail of a service: who changed what and when, oldest first, paged (coordinators)",
            operationId = "getServiceAudit")
    AuditPage<AuditEntry> audit(@PathVariable @Size(max = 64) String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int pageSize) throws Problem.NotFound {
        return services.audit(id, page, pageSize);
    }

    @GetMapping("/services/unverified")
    @Operation(summary = "Offers nobody verified for 12 months, oldest check first", operationId = "listUnverifiedServices")
    Offers.UnverifiedPage unverified(
            @Parameter(description = "Only this organisation's entries, e.g. for its staff's to-do list")
            @RequestParam(required = false) @Size(min = 1, max = 200) String organization,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return services.unverified(organization, page, pageSize);
    }

    @GetMapping("/services")
    @Operation(summary = "One organisation's services by name, including inactive ones: what its staff maintain",
            operationId = "listOrganizationServices")
    Offers.OrganizationPage ofOrganization(
            @Parameter(description = "The organisation's name as on its entries", required = true)
            @RequestParam @Size(min = 1, max = 200) String organization,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int pageSize) {
        return services.ofOrganization(organization, page, pageSize);
    }

    record UpsertRequest(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull OfferRequest> services) {
    }

    @PutMapping("/municipalities/{municipality}/services")
    @Operation(summary = "Bulk upsert a municipality's services by externalId (its own system only); idempotent",
            operationId = "upsertMunicipalityServices")
    Offers.UpsertResult upsert(@AuthenticationPrincipal Jwt token,
            @PathVariable @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0193") String municipality,
            @Valid @RequestBody UpsertRequest request)
            throws Problem.NotFound, OfferAccessDenied, OfferRuleViolation, Problem.PreconditionFailed {
        for (int i = 0; i < request.services().size(); i++) {
            if (request.services().get(i).externalId() == null || request.services().get(i).externalId().isBlank()) {
                throw new Problem.BadRequest("externalId required",
                        "services[" + i + "].externalId is required: the upsert matches entries by it");
            }
        }
        return services.upsert(Callers.of(token), municipality, request.services().stream().map(OfferRequest::toDetails).toList());
    }

    record RebuildResult(int indexed) {
    }

    @PostMapping("/search-index/rebuild")
    @Operation(summary = "Rebuild this replica's search index from the stored entries (coordinators and operators)",
            operationId = "rebuildSearchIndex")
    RebuildResult rebuild() {
        return new RebuildResult(services.rebuildIndex());
    }

    @GetMapping("/taxonomy-terms")
    @Operation(summary = "The taxonomy of caregiver support the social map uses", operationId = "listTaxonomyTerms")
    List<Taxonomy.Term> taxonomyTerms() {
        return taxonomy.terms();
    }
}
