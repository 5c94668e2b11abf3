package nl.mantelzorgthuis.practiceservice.practice;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.practiceservice.practice.domain.Practice;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeKind;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeAccessDenied;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeArchived;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeRuleViolation;
import nl.mantelzorgthuis.practiceservice.practice.domain.PracticeStatus;
import nl.mantelzorgthuis.starter.audit.AuditPage;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/practices")
@Tag(name = "practices", description = "Learning practices (lerende praktijken) and practice accelerators (praktijkversnellers)")
class PracticeController {

    private final Practices practices;

    PracticeController(Practices practices) {
        this.practices = practices;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Create a practice", operationId = "createPractice")
    ResponseEntity<Practice> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PracticeRequest request)
            throws PracticeAccessDenied, PracticeRuleViolation {
        Practice practice = practices.create(Callers.of(token), request.toDetails());
        return ResponseEntity.created(URI.create("/api/v1/practices/" + practice.id()))
                .eTag(ETags.of(practice.version())).body(practice);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a practice; the ETag header carries its version", operationId = "getPractice")
    ResponseEntity<Practice> get(@PathVariable @Size(max = 64) String id) throws Problem.NotFound {
        Practice practice = practices.get(id);
        return ResponseEntity.ok().eTag(ETags.of(practice.version())).body(practice);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a practice's details; If-Match with the ETag you read is required", operationId = "updatePractice")
    ResponseEntity<Practice> update(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Parameter(description = "The ETag of the version this change is based on, or *", required = true)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PracticeRequest request)
            throws Problem.NotFound, PracticeAccessDenied, PracticeRuleViolation, PracticeArchived {
        Practice practice = practices.update(Callers.of(token), id, ETags.requiredVersion(ifMatch), request.toDetails());
        return ResponseEntity.ok().eTag(ETags.of(practice.version())).body(practice);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a practice: kept for reference, no longer changeable. Archiving twice is harmless",
            operationId = "archivePractice")
    ResponseEntity<Practice> archive(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Parameter(description = "Optional: the ETag of the version this is based on")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch)
            throws Problem.NotFound, PracticeAccessDenied {
        Practice practice = practices.archive(Callers.of(token), id, ifMatch == null ? null : ETags.requiredVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(practice.version())).body(practice);
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The audit trail of a practice: who changed what and when, oldest first, paged (coordinators)",
            operationId = "getPracticeAudit")
    AuditPage<AuditEntry> audit(@PathVariable @Size(max = 64) String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int pageSize) throws Problem.NotFound {
        return practices.audit(id, page, pageSize);
    }

    @GetMapping
    @Operation(summary = "List practices, filtered and paged; archived ones only when asked for by status",
            operationId = "listPractices")
    PracticePage list(
            @RequestParam(required = false) PracticeKind kind,
            @RequestParam(required = false) @Size(max = 200) String region,
            @Parameter(description = "CBS municipality code, e.g. GM0193")
            @RequestParam(required = false) @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0363") String municipality,
            @Parameter(description = "Name of a participating organisation (exact, case-insensitive)")
            @RequestParam(required = false) @Size(max = 200) String organisation,
            @RequestParam(required = false) PracticeStatus status,
            @Parameter(description = "Free text, matched in name and positive core theme")
            @RequestParam(required = false) @Size(min = 1, max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return practices.search(new PracticeSearch(kind, blankToNull(region), municipality, blankToNull(organisation),
                status, blankToNull(q), page, pageSize));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
