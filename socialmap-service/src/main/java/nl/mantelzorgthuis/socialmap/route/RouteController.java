package nl.mantelzorgthuis.socialmap.route;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.socialmap.offer.Callers;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferAccessDenied;
import nl.mantelzorgthuis.socialmap.offer.domain.OfferRuleViolation;
import nl.mantelzorgthuis.starter.problem.ETags;
import nl.mantelzorgthuis.starter.problem.Problem;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/socialmap/municipalities/{municipality}/respite-route")
@Tag(name = "respite routes", description = "Routing respijtzorg: the route to respite care per municipality")
class RouteController {

    private final RespiteRoutes routes;

    RouteController(RespiteRoutes routes) {
        this.routes = routes;
    }

    record StepRequest(@NotBlank @Size(max = 200) String title, @Size(max = 2000) String description,
            @NotBlank @Size(max = 200) String role, @Size(max = 200) String organisation, @Size(max = 1000) String caregiverBrings,
            @Size(max = 100) String typicalWait, @Size(max = 20) List<@NotBlank @Size(max = 64) String> serviceIds) {

        RouteStep toStep() {
            return new RouteStep(title.trim(), description, role.trim(), organisation, caregiverBrings, typicalWait, serviceIds);
        }
    }

    record RouteRequest(@NotBlank @Size(max = 200) String title, @NotNull @Size(min = 1, max = 30) List<@Valid @NotNull StepRequest> steps) {
    }

    record CopyRequest(@NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0796") String from) {
    }

    @GetMapping
    @Operation(summary = "The respite-care route of a municipality (public)", operationId = "getRespiteRoute")
    ResponseEntity<RespiteRoute> get(
            @PathVariable @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0193") String municipality)
            throws Problem.NotFound {
        RespiteRoute route = routes.get(municipality);
        return ResponseEntity.ok().eTag(ETags.of(route.version())).body(route);
    }

    @PutMapping
    @Operation(summary = "Create or replace a municipality's respite route (its own system, coordinators); If-Match once it exists",
            operationId = "putRespiteRoute")
    ResponseEntity<RespiteRoute> put(@AuthenticationPrincipal Jwt token,
            @PathVariable @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0193") String municipality,
            @Parameter(description = "The ETag of the version this change is based on, or * (required once the route exists)")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RouteRequest request)
            throws Problem.NotFound, OfferAccessDenied, OfferRuleViolation {
        boolean versionGiven = ifMatch != null && !ifMatch.isBlank();
        RespiteRoute route = routes.put(Callers.of(token), municipality, versionGiven ? ETags.requiredVersion(ifMatch) : null, versionGiven,
                request.title().trim(), request.steps().stream().map(StepRequest::toStep).toList());
        return ResponseEntity.ok().eTag(ETags.of(route.version())).body(route);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/copy")
    @Operation(summary = "Start this municipality's route as a copy of another municipality's", operationId = "copyRespiteRoute")
    ResponseEntity<RespiteRoute> copy(@AuthenticationPrincipal Jwt token,
            @PathVariable @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0193") String municipality,
            @Valid @RequestBody CopyRequest request)
            throws Problem.Conflict, Problem.NotFound, OfferAccessDenied {
        RespiteRoute route = routes.copy(Callers.of(token), municipality, request.from());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(route.version())).body(route);
    }
}
