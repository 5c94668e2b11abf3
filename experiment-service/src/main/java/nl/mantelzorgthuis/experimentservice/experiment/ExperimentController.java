package nl.mantelzorgthuis.experimentservice.experiment;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.AdoptionRequest;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.AnalysisSettings;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.CycleRecord;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.CycleStart;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.ExperimentRequest;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.MeasureRequest;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.ObservationRequest;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.ObservationsRequest;
import nl.mantelzorgthuis.experimentservice.experiment.ExperimentRequests.TransitionRequest;
import nl.mantelzorgthuis.experimentservice.experiment.domain.CollaborationLevel;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Experiment;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentAccessDenied;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentConflict;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentRuleViolation;
import nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus;
import nl.mantelzorgthuis.experimentservice.experiment.domain.InquiryPhase;
import nl.mantelzorgthuis.experimentservice.experiment.domain.LessonKind;
import nl.mantelzorgthuis.experimentservice.experiment.domain.Measure;
import nl.mantelzorgthuis.experimentservice.experiment.domain.OutcomeCategory;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "experiments", description = "Experiments of practices: lifecycle, improvement cycles, measures with run charts, lessons, adoption")
class ExperimentController {

    private static final String BASE = "/api/v1/experiments";

    private final Experiments experiments;
    private final ExperimentReports reports;

    ExperimentController(Experiments experiments, ExperimentReports reports) {
        this.experiments = experiments;
        this.reports = reports;
    }

    /** An experiment with where it was adopted (derived from the copies' links). */
    /** An experiment with where it was adopted, and the statuses it may move to next (so a client offers only those). */
    record ExperimentView(@com.fasterxml.jackson.annotation.JsonUnwrapped Experiment experiment,
            List<ExperimentSummary> adoptions, java.util.Set<nl.mantelzorgthuis.experimentservice.experiment.domain.ExperimentStatus> allowedTransitions) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE)
    @Operation(summary = "Create an experiment in a practice", operationId = "createExperiment")
    ResponseEntity<Experiment> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ExperimentRequest request)
            throws ExperimentAccessDenied, ExperimentConflict, ExperimentRuleViolation {
        Experiment experiment = experiments.create(Callers.of(token), request.practiceId(), request.toDetails());
        return ResponseEntity.created(URI.create(BASE + "/" + experiment.id())).eTag(ETags.of(experiment.version())).body(experiment);
    }

    @GetMapping(BASE + "/{id}")
    @Operation(summary = "Get an experiment with its cycles, measures and adoptions; the ETag carries its version",
            operationId = "getExperiment")
    ResponseEntity<ExperimentView> get(@PathVariable @Size(max = 64) String id)
            throws Problem.NotFound {
        Experiment experiment = experiments.get(id);
        return ResponseEntity.ok().eTag(ETags.of(experiment.version()))
                .body(new ExperimentView(experiment, experiments.adoptionsOf(id), experiment.status().next()));
    }

    @PutMapping(BASE + "/{id}")
    @Operation(summary = "Replace an experiment's details; If-Match with the ETag you read is required", operationId = "updateExperiment")
    ResponseEntity<Experiment> update(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Parameter(description = "The ETag of the version this change is based on, or *", required = true)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ExperimentRequest request)
            throws ExperimentAccessDenied, ExperimentConflict, ExperimentRuleViolation, Problem.NotFound {
        Experiment experiment = experiments.update(Callers.of(token), id, ETags.requiredVersion(ifMatch), request.practiceId(),
                request.toDetails());
        return ResponseEntity.ok().eTag(ETags.of(experiment.version())).body(experiment);
    }

    @PostMapping(BASE + "/{id}/transitions")
    @Operation(summary = "Move an experiment along its lifecycle (idea, preparing, running, evaluated, completed; stopped with a reason)",
            operationId = "transitionExperiment")
    ResponseEntity<Experiment> transition(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Parameter(description = "Optional: the ETag of the version this is based on")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TransitionRequest request)
            throws ExperimentAccessDenied, ExperimentConflict, ExperimentRuleViolation, Problem.NotFound {
        Experiment experiment = experiments.transition(Callers.of(token), id,
                ifMatch == null ? null : ETags.requiredVersion(ifMatch), request.status(), request.reason());
        return ResponseEntity.ok().eTag(ETags.of(experiment.version())).body(experiment);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE + "/{id}/cycles")
    @Operation(summary = "Start the next plan-do-study-act cycle with its plan and prediction", operationId = "startCycle")
    ResponseEntity<Experiment> startCycle(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody CycleStart request)
            throws ExperimentAccessDenied, ExperimentConflict, Problem.NotFound, Problem.PreconditionFailed {
        Experiment experiment = experiments.startCycle(Callers.of(token), id, request.plan(), request.prediction(), request.startedOn());
        return ResponseEntity.created(URI.create(BASE + "/" + id + "/cycles/" + experiment.cycles().size()))
                .eTag(ETags.of(experiment.version())).body(experiment);
    }

    @PutMapping(BASE + "/{id}/cycles/{number}")
    @Operation(summary = "Record a cycle: what happened, what was learned against the prediction, and the decision",
            operationId = "recordCycle")
    ResponseEntity<Experiment> recordCycle(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @PathVariable @Min(1) @Max(1000) int number,
            @Parameter(description = "The ETag of the version this change is based on, or *", required = true)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CycleRecord request)
            throws ExperimentAccessDenied, ExperimentConflict, ExperimentRuleViolation, Problem.NotFound {
        Experiment experiment = experiments.recordCycle(Callers.of(token), id, ETags.requiredVersion(ifMatch), request.toCycle(number));
        return ResponseEntity.ok().eTag(ETags.of(experiment.version())).body(experiment);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE + "/{id}/measures")
    @Operation(summary = "Add a measure (name, unit, which direction is better, optional target)", operationId = "addMeasure")
    ResponseEntity<Measure> addMeasure(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody MeasureRequest request)
            throws ExperimentAccessDenied, ExperimentConflict, Problem.NotFound, Problem.PreconditionFailed {
        Measure measure = experiments.addMeasure(Callers.of(token), id, request.name(), request.unit(), request.betterWhen(),
                request.target());
        return ResponseEntity.created(URI.create(BASE + "/" + id + "/measures/" + measure.id())).body(measure);
    }

    @GetMapping(BASE + "/{id}/measures/{measureId}")
    @Operation(summary = "Get a measure with its observations", operationId = "getMeasure")
    Measure measure(@PathVariable @Size(max = 64) String id, @PathVariable @Size(max = 64) String measureId)
            throws Problem.NotFound {
        return experiments.measure(id, measureId);
    }

    @PostMapping(BASE + "/{id}/measures/{measureId}/observations")
    @Operation(summary = "Record dated observations; a date sent again replaces its value. The note annotates the run chart",
            operationId = "recordObservations")
    Measure recordObservations(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @PathVariable @Size(max = 64) String measureId, @Valid @RequestBody ObservationsRequest request)
            throws ExperimentAccessDenied, ExperimentConflict, Problem.NotFound, Problem.PreconditionFailed {
        return experiments.recordObservations(Callers.of(token), id, measureId,
                request.observations().stream().map(ObservationRequest::toObservation).toList());
    }

    @PutMapping(BASE + "/{id}/measures/{measureId}/analysis-settings")
    @Operation(summary = "Freeze the baseline (number of first points fixing the centre line) and split the series at dates",
            operationId = "setAnalysisSettings")
    Measure analysisSettings(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @PathVariable @Size(max = 64) String measureId, @Valid @RequestBody AnalysisSettings request)
            throws ExperimentAccessDenied, ExperimentConflict, Problem.NotFound, Problem.PreconditionFailed {
        return experiments.analysisSettings(Callers.of(token), id, measureId, request.baselinePoints(), request.splitAt());
    }

    @GetMapping(BASE + "/{id}/measures/{measureId}/run-chart")
    @Operation(summary = "The run chart of a measure with the signals of the IHI rules and the Anhøj rules", operationId = "getRunChart")
    RunChartView runChart(@PathVariable @Size(max = 64) String id, @PathVariable @Size(max = 64) String measureId)
            throws Problem.NotFound {
        return experiments.runChart(id, measureId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(BASE + "/{id}/adoptions")
    @Operation(summary = "Adopt an experiment into another practice as a starting point; the copy links to its origin",
            operationId = "adoptExperiment")
    ResponseEntity<Experiment> adopt(@AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String id,
            @Valid @RequestBody AdoptionRequest request)
            throws ExperimentAccessDenied, ExperimentConflict, ExperimentRuleViolation, Problem.NotFound {
        Experiment adopted = experiments.adopt(Callers.of(token), id, request.practiceId(),
                request.organisations() == null ? List.of() : request.organisations().stream().map(String::trim).toList());
        return ResponseEntity.created(URI.create(BASE + "/" + adopted.id())).eTag(ETags.of(adopted.version())).body(adopted);
    }

    @GetMapping(BASE + "/{id}/audit")
    @Operation(summary = "The audit trail of an experiment: who changed what and when, oldest first, paged (coordinators)",
            operationId = "getExperimentAudit")
    AuditPage<AuditEntry> audit(@PathVariable @Size(max = 64) String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int pageSize) throws Problem.NotFound {
        return experiments.audit(id, page, pageSize);
    }

    @GetMapping(BASE)
    @Operation(summary = "Search experiments across practices; text matches title, goal, design question and lessons learned",
            operationId = "listExperiments")
    ExperimentPage list(
            @RequestParam(required = false) @Size(max = 64) String practiceId,
            @RequestParam(required = false) CollaborationLevel level,
            @RequestParam(required = false) OutcomeCategory outcome,
            @RequestParam(required = false) ExperimentStatus status,
            @RequestParam(required = false) InquiryPhase phase,
            @Parameter(description = "An owning organisation (exact, case-insensitive)")
            @RequestParam(required = false) @Size(max = 200) String organisation,
            @RequestParam(required = false) @Size(min = 1, max = 100) String q,
            @Parameter(description = "Only copies adopted from this experiment")
            @RequestParam(required = false) @Size(max = 64) String adoptedFrom,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return experiments.search(new ExperimentSearch(blankToNull(practiceId), level, outcome, status, phase,
                blankToNull(organisation), blankToNull(q), blankToNull(adoptedFrom), page, pageSize));
    }

    @GetMapping("/api/v1/practices/{practiceId}/experiments")
    @Operation(summary = "The experiments of one practice", operationId = "listPracticeExperiments")
    ExperimentPage ofPractice(@PathVariable @Size(max = 64) String practiceId,
            @RequestParam(required = false) ExperimentStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return experiments.search(new ExperimentSearch(practiceId, null, null, status, null, null, null, null, page, pageSize));
    }

    @GetMapping(BASE + "/lessons")
    @Operation(summary = "Search lessons learned across practices (at most 200 hits)", operationId = "searchLessons")
    List<ExperimentReports.LessonHit> lessons(
            @RequestParam(required = false) @Size(min = 1, max = 100) String q,
            @RequestParam(required = false) OutcomeCategory outcome,
            @RequestParam(required = false) CollaborationLevel level,
            @RequestParam(required = false) LessonKind kind) {
        return reports.lessons(q, outcome, level, kind);
    }

    @GetMapping(BASE + "/summary")
    @Operation(summary = "Counts by status and level, per practice or per outcome category", operationId = "summariseExperiments")
    List<ExperimentReports.SummaryRow> summary(@Parameter(description = "practice or outcome") @RequestParam(defaultValue = "practice")
            @jakarta.validation.constraints.Pattern(regexp = "practice|outcome", message = "must be practice or outcome") String by) {
        return reports.summary(ExperimentReports.SummaryKey.valueOf(by.toUpperCase(Locale.ROOT)));
    }

    @GetMapping(value = BASE + "/export", produces = "text/csv")
    @Operation(summary = "Export the experiments matching the filters as CSV (UTF-8, comma-separated, header row)",
            operationId = "exportExperiments")
    void export(HttpServletResponse response,
            @RequestParam(required = false) @Size(max = 64) String practiceId,
            @RequestParam(required = false) CollaborationLevel level,
            @RequestParam(required = false) OutcomeCategory outcome,
            @RequestParam(required = false) ExperimentStatus status,
            @RequestParam(required = false) @Size(min = 1, max = 100) String q) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"experimenten.csv\"");
        reports.export(new ExperimentSearch(blankToNull(practiceId), level, outcome, status, null, null, blankToNull(q), null, 0, 1),
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
