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

    private final OfferIndex index;
    private final OfferLookup services;
    private final Offers entries;
    private final Taxonomy taxonomy;
    private final Geocoder geocoder;
    private final tools.jackson.databind.json.JsonMapper json;
    private final HsdsImport imports;

    HsdsController(OfferIndex index, OfferLookup services, Offers entries, Taxonomy taxonomy,
            Geocoder geocoder, tools.jackson.databind.json.JsonMapper json, HsdsImport imports) {
        this.imports = imports;
        this.index = index;
        this.services = services;
        this.entries = entries;
        this.taxonomy = taxonomy;
        this.geocoder = geocoder;
        this.json = json;
    }

    @GetMapping(value = "/export/datapackage.zip", produces = "application/zip")
    org.springframework.http.ResponseEntity<byte[]> exportPackage() {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sociale-kaart-hsds.zip\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .body(DataPackage.write(entries.all(), taxonomy, json));
    }

    @GetMapping("/export/services.json")
    List<Map<String, Object>> exportJson() {
        return entries.all().stream().map(e -> Hsds.service(e, taxonomy)).toList();
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
                "openapi_url", "https://github.com/openreferral/specification/blob/3.0/schema/openapi.json");
    }

    @GetMapping("/services")
    Map<String, Object> services(@RequestParam(required = false) @Size(max = 200) String search,
            @RequestParam(name = "taxonomy_term_id", required = false) @Size(max = 100) String taxonomyTermId,
            @RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        SearchResult result = index.search(new SearchRequest(search, null, null, null, null, termCode(taxonomyTermId), null, null, null,
                null, null, null, page - 1, perPage));
        return Hsds.page(result.items().stream().map(hit -> Hsds.service(hit.service(), taxonomy)).toList(),
                result.page().totalElements(), page, perPage);
    }

    @GetMapping("/services/{id}")
    Map<String, Object> service(@PathVariable @Size(max = 64) String id) {
        return Hsds.service(services.find(id).orElseThrow(() -> notFound("service", id)), taxonomy);
    }

    @GetMapping("/service_at_locations")
    Map<String, Object> serviceAtLocations(@RequestParam(required = false) @Size(max = 20) String postcode,
            @RequestParam(required = false) @Min(1) @Max(300) Integer proximity,
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
        SearchResult result = index.search(new SearchRequest(null, lat, lon, lat == null ? null : (double) (proximity == null ? 10 : proximity),
                null, null, null, null, null, null, null, null, page - 1, perPage));
        List<Map<String, Object>> contents = result.items().stream()
                .flatMap(hit -> hit.service().locations().stream().map(l -> Hsds.serviceAtLocation(hit.service(), l))).toList();
        return Hsds.page(contents, result.page().totalElements(), page, perPage);
    }

    @GetMapping("/organizations")
    Map<String, Object> organizations(@RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        List<String> names = index.organizations();
        int from = Math.min((page - 1) * perPage, names.size());
        return Hsds.page(names.subList(from, Math.min(from + perPage, names.size())).stream().map(Hsds::organization).toList(),
                names.size(), page, perPage);
    }

    @GetMapping("/organizations/{id}")
    Map<String, Object> organization(@PathVariable @Size(max = 64) String id) {
        return index.organizations().stream().filter(name -> Hsds.organizationId(name).equals(id)).findFirst()
                .map(Hsds::organization).orElseThrow(() -> notFound("organization", id));
    }

    @GetMapping("/taxonomies")
    Map<String, Object> taxonomies(@RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        List<Map<String, Object>> all = List.of(Hsds.taxonomy(taxonomy.definition()));
        int from = Math.min((page - 1) * perPage, all.size());
        return Hsds.page(all.subList(from, Math.min(from + perPage, all.size())), all.size(), page, perPage);
    }

    @GetMapping("/taxonomies/{id}")
    Map<String, Object> taxonomy(@PathVariable @Size(max = 64) String id) {
        if (!Hsds.TAXONOMY_ID.equals(id)) {
            throw notFound("taxonomy", id);
        }
        return Hsds.taxonomy(taxonomy.definition());
    }

    @GetMapping("/taxonomy_terms")
    Map<String, Object> taxonomyTerms(@RequestParam(defaultValue = "1") @Min(1) @Max(5000) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(100) int perPage) {
        List<Map<String, Object>> terms = taxonomy.terms().stream().map(t -> Hsds.term(t, taxonomy.definition())).toList();
        int from = Math.min((page - 1) * perPage, terms.size());
        return Hsds.page(terms.subList(from, Math.min(from + perPage, terms.size())), terms.size(), page, perPage);
    }

    @GetMapping("/taxonomy_terms/{id}")
    Map<String, Object> taxonomyTerm(@PathVariable @Size(max = 64) String id) {
        return taxonomy.terms().stream().filter(t -> Hsds.termId(t.code()).equals(id) || t.code().equals(id)).findFirst()
                .map(t -> Hsds.term(t, taxonomy.definition())).orElseThrow(() -> notFound("taxonomy term", id));
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
