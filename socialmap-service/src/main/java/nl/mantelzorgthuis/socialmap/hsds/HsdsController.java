package nl.mantelzorgthuis.socialmap.hsds;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.socialmap.place.Geocoder;
import nl.mantelzorgthuis.socialmap.place.Place;
import nl.mantelzorgthuis.socialmap.search.SearchRequest;
import nl.mantelzorgthuis.socialmap.search.SearchResult;
import nl.mantelzorgthuis.socialmap.search.OfferIndex;
import nl.mantelzorgthuis.socialmap.offer.Callers;
import nl.mantelzorgthuis.socialmap.offer.Offers;
import nl.mantelzorgthuis.starter.problem.Problem;
import nl.mantelzorgthuis.socialmap.offer.OfferLookup;
import nl.mantelzorgthuis.socialmap.offer.Taxonomy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read API of the Open Referral HSDS 3.0 specification (its own openapi.json describes it: paths,
 * snake_case fields and parameters, the paging envelope), so HSDS tools and validators can read the
 * social map. It is left out of this service's own OpenAPI document, which follows the Dutch API
 * Design Rules (lowerCamelCase) that the HSDS names do not.
 */
@Hidden
@RestController
@RequestMapping("/api/v1/socialmap/hsds")
class HsdsController {

    /** Without a proximity, "near a postcode" is within 10 km. */
    static final int DEFAULT_PROXIMITY_METRES = 10_000;
    /** A query for service-at-locations reads at most this many services (the social map of a region is far smaller). */
    static final int MAX_SERVICES_PER_QUERY = 10_000;

    private final OfferIndex index;
    private final OfferLookup services;
    private final Directory directory;
    private final Taxonomy taxonomy;
    private final Geocoder geocoder;
    private final tools.jackson.databind.json.JsonMapper json;
    private final HsdsImport imports;

    HsdsController(OfferIndex index, OfferLookup services, Directory directory, Taxonomy taxonomy,
            Geocoder geocoder, tools.jackson.databind.json.JsonMapper json, HsdsImport imports) {
        this.imports = imports;
        this.index = index;
        this.services = services;
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.geocoder = geocoder;
        this.json = json;
    }

    @GetMapping(value = "/export/datapackage.zip", produces = "application/zip")
    org.springframework.http.ResponseEntity<byte[]> exportPackage() {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sociale-kaart-hsds.zip\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .body(DataPackage.write(directory.graph(), json));
    }

    @GetMapping("/export/services.json")
    List<ObjectNode> exportJson() {
        return directory.services();
    }

    @org.springframework.web.bind.annotation.PostMapping(value = "/import/services.json", consumes = "application/json")
    Offers.ImportResult importJson(
            @org.springframework.security.core.annotation.AuthenticationPrincipal org.springframework.security.oauth2.jwt.Jwt token,
            @org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body) {
        return imports.json(Callers.of(token), body);
    }

    @org.springframework.web.bind.annotation.PostMapping(value = "/import/datapackage", consumes = "application/zip")
    Offers.ImportResult importPackage(
            @org.springframework.security.core.annotation.AuthenticationPrincipal org.springframework.security.oauth2.jwt.Jwt token,
            @org.springframework.web.bind.annotation.RequestBody byte[] zip) {
        return imports.dataPackage(Callers.of(token), zip);
    }

    @GetMapping({"", "/"})
    Map<String, Object> about() {
        return Map.of("version", "3.0", "profile", "https://github.com/openreferral/specification/tree/3.0",
                "openapi_url", "/api/v1/socialmap/hsds/openapi.json");
    }

    /**
     * The HSDS 3.0 API's own OpenAPI document (its names kept: snake_case, per_page), with this
     * deployment as its server, so HSDS tools and the gateway's API list can read the HSDS side.
     */
    @GetMapping(value = "/openapi.json", produces = "application/json")
    ObjectNode openApi() {
        try (var in = HsdsController.class.getResourceAsStream("/hsds/3.0/openapi.json")) {
            ObjectNode document = (ObjectNode) json.readTree(in);
            document.putArray("servers").addObject().put("url", "/api/v1/socialmap/hsds")
                    .put("description", "Sociale kaart In voor mantelzorg-thuis (HSDS 3.0)");
            return document;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GetMapping("/services")
    Map<String, Object> services(@RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) @Size(max = 100) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) @Size(max = 100) String taxonomyId,
            @RequestParam(name = "organization_id", required = false) @Size(max = 100) String organizationId,
            @RequestParam(name = "modified_after", required = false) java.time.OffsetDateTime modifiedAfter,
            @RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        ServiceFilter filter = new ServiceFilter(taxonomyId, organizationId, modifiedAfter);
        if (filter.none()) {
            SearchResult result = index.search(new SearchRequest(search, null, null, null, null, termCode(taxonomyTermId), null, null,
                    null, null, null, null, page - 1, perPage));
            return Hsds.page(directory.services(result.items().stream().map(SearchResult.Hit::service).toList()),
                    result.page().totalElements(), page, perPage);
        }
        List<ObjectNode> all = directory.services(index.search(new SearchRequest(search, null, null, null, null, termCode(taxonomyTermId),
                null, null, null, null, null, null, 0, MAX_SERVICES_PER_QUERY)).items().stream().map(SearchResult.Hit::service).toList())
                .stream().filter(filter::matches).toList();
        return paged(all, page, perPage);
    }

    /** The HSDS filters the search index does not know, applied to the services it found. */
    record ServiceFilter(String taxonomyId, String organizationId, java.time.OffsetDateTime modifiedAfter) {

        boolean none() {
            return taxonomyId == null && organizationId == null && modifiedAfter == null;
        }

        boolean matches(tools.jackson.databind.JsonNode service) {
            if (organizationId != null && !organizationId.equals(service.path("organization_id").asString(""))) {
                return false;
            }
            if (taxonomyId != null && service.path("attributes").valueStream()
                    .noneMatch(a -> taxonomyId.equals(a.path("taxonomy_term").path("taxonomy_id").asString("")))) {
                return false;
            }
            if (modifiedAfter != null) {
                try {
                    return java.time.OffsetDateTime.parse(service.path("last_modified").asString("")).isAfter(modifiedAfter);
                } catch (java.time.format.DateTimeParseException e) {
                    return false;
                }
            }
            return true;
        }
    }

    @GetMapping("/services/{id}")
    ObjectNode service(@PathVariable @Size(max = 64) String id) {
        return directory.service(services.find(id).orElseThrow(() -> notFound("service", id)));
    }

    /**
     * Service-at-location records (a service at one of its locations), paged by those records; with a
     * postcode, those whose location lies within {@code proximity} metres of it (HSDS's unit), nearest
     * service first.
     */
    @GetMapping("/service_at_locations")
    Map<String, Object> serviceAtLocations(@RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) @Size(max = 100) String taxonomyTermId,
            @RequestParam(name = "taxonomy_id", required = false) @Size(max = 100) String taxonomyId,
            @RequestParam(name = "organization_id", required = false) @Size(max = 100) String organizationId,
            @RequestParam(name = "modified_after", required = false) java.time.OffsetDateTime modifiedAfter,
            @RequestParam(required = false) @Size(max = 20) String postcode,
            @RequestParam(required = false) @Min(1) @Max(500_000) Integer proximity,
            @RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        Double lat = null;
        Double lon = null;
        if (postcode != null && !postcode.isBlank()) {
            Place place = geocoder.resolve(postcode);
            if (!place.resolved()) {
                throw new Problem.Unprocessable("Postcode not resolved", "Postcode '" + postcode + "' could not be used: " + place.reason());
            }
            lat = place.latitude();
            lon = place.longitude();
        }
        int metres = proximity == null ? DEFAULT_PROXIMITY_METRES : proximity;
        SearchResult result = index.search(new SearchRequest(search, lat, lon, lat == null ? null : metres / 1000.0, null,
                termCode(taxonomyTermId), null, null, null, null, null, null, 0, MAX_SERVICES_PER_QUERY));
        List<ObjectNode> all = new java.util.ArrayList<>();
        ServiceFilter filter = new ServiceFilter(taxonomyId, organizationId, modifiedAfter);
        for (ObjectNode service : directory.services(result.items().stream().map(SearchResult.Hit::service).toList())) {
            if (!filter.matches(service)) {
                continue;
            }
            for (tools.jackson.databind.JsonNode sal : service.path("service_at_locations")) {
                ObjectNode item = ((ObjectNode) sal).deepCopy();
                if (!item.has("service_id")) {
                    item.put("service_id", service.get("id").asString());
                }
                if (lat == null || within(item.path("location"), lat, lon, metres)) {
                    all.add(item);
                }
            }
        }
        return paged(all, page, perPage);
    }

    @GetMapping("/service_at_locations/{id}")
    ObjectNode serviceAtLocation(@PathVariable @Size(max = 64) String id) {
        return found(directory.one("service_at_location", id), "service at location", id);
    }

    @GetMapping("/organizations")
    Map<String, Object> organizations(@RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        return paged(directory.listByName("organization"), page, perPage);
    }

    @GetMapping("/organizations/{id}")
    ObjectNode organization(@PathVariable @Size(max = 64) String id) {
        return found(directory.one("organization", id), "organization", id);
    }

    @GetMapping("/taxonomies")
    Map<String, Object> taxonomies(@RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        return paged(directory.list("taxonomy"), page, perPage);
    }

    @GetMapping("/taxonomies/{id}")
    ObjectNode taxonomy(@PathVariable @Size(max = 64) String id) {
        return found(directory.one("taxonomy", id), "taxonomy", id);
    }

    @GetMapping("/taxonomy_terms")
    Map<String, Object> taxonomyTerms(@RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        return paged(directory.list("taxonomy_term"), page, perPage);
    }

    @GetMapping("/taxonomy_terms/{id}")
    ObjectNode taxonomyTerm(@PathVariable @Size(max = 64) String id) {
        ObjectNode term = directory.one("taxonomy_term", id);
        if (term == null) {
            term = taxonomy.terms().stream().filter(t -> t.code().equals(id)).findFirst()
                    .map(t -> directory.one("taxonomy_term", Hsds.termId(t.code()))).orElse(null);
        }
        return found(term, "taxonomy term", id);
    }

    private static Map<String, Object> paged(List<ObjectNode> all, int page, int perPage) {
        int from = Math.min((page - 1) * perPage, all.size());
        return Hsds.page(all.subList(from, Math.min(from + perPage, all.size())), all.size(), page, perPage);
    }

    private static ObjectNode found(ObjectNode record, String what, String id) {
        if (record == null) {
            throw notFound(what, id);
        }
        return record;
    }

    /** Great-circle distance on a sphere of the earth's mean radius: ample for "within so many metres". */
    private static boolean within(tools.jackson.databind.JsonNode location, double lat, double lon, int metres) {
        if (!location.path("latitude").isNumber() || !location.path("longitude").isNumber()) {
            return false;
        }
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(location.get("latitude").asDouble());
        double dp = p2 - p1;
        double dl = Math.toRadians(location.get("longitude").asDouble() - lon);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a)) <= metres;
    }

    /** HSDS clients send term ids (UUIDs); the platform's own code is accepted as well. */
    private String termCode(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return taxonomy.terms().stream().filter(t -> Hsds.termId(t.code()).equals(id) || t.code().equals(id)).findFirst()
                .map(Taxonomy.Term::code).orElse(id);
    }

    private static Problem.NotFound notFound(String what, String id) {
        return new Problem.NotFound("Not found", "No " + what + " with id " + id);
    }
}
