package org.retailhub.routes.migration;

import java.net.URI;
import java.util.Map;
import org.retailhub.domain.migration.MaskingKeyMissingException;
import org.retailhub.domain.migration.MigrationProcesses;
import org.retailhub.domain.migration.MigrationRequest;
import org.retailhub.domain.migration.MigrationRuns;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/migrations}: start a data migration run ({@code 202} with the run's id and its report's address);
 * {@code GET /api/migrations/{runId}/report} (Markdown) and {@code …/report.json}: the finished run's report.
 */
@RestController
@RequestMapping("/api/migrations")
public class MigrationController {

    private static final String RUN_ID = "[0-9a-fA-F-]{1,64}";
    private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final MigrationProcesses processes;
    private final MigrationRuns runs;

    public MigrationController(MigrationProcesses processes, MigrationRuns runs) {
        this.processes = processes;
        this.runs = runs;
    }

    /** What a start asks for; names as in docs/data-migration.md, lists comma-separated. */
    record StartRequest(String sources, String entities, String target, Integer chunkSize, Boolean dryRun) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@RequestBody StartRequest body) {
        MigrationRequest request = MigrationRequest.parse(body.sources(), body.entities(), body.target(),
                body.chunkSize() == null ? 5000 : body.chunkSize(), Boolean.TRUE.equals(body.dryRun()));
        String runId = processes.start(request);
        String report = "/api/migrations/" + runId + "/report";
        return ResponseEntity.accepted().location(URI.create(report)).body(Map.of("runId", runId, "report", report, "reportJson", report + ".json"));
    }

    @GetMapping(value = "/{runId}/report", produces = "text/markdown")
    ResponseEntity<String> markdown(@PathVariable String runId) {
        return ResponseEntity.ok().contentType(MARKDOWN).body(report(runId, MigrationRuns.Format.MARKDOWN));
    }

    @GetMapping(value = "/{runId}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> json(@PathVariable String runId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report(runId, MigrationRuns.Format.JSON));
    }

    private String report(String runId, MigrationRuns.Format format) {
        return (runId.matches(RUN_ID) ? runs.report(runId, format) : java.util.Optional.<String>empty()).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no finished migration run with this id; a running one has its report when it ends (Cockpit: process 'Data migration')");
            problem.setType(URI.create("https://retail-hub.org/problems/no-migration-report"));
            problem.setTitle("No migration report");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setType(URI.create("https://retail-hub.org/problems/bad-migration-request"));
        problem.setTitle("Migration request refused");
        return problem;
    }

    @ExceptionHandler(MaskingKeyMissingException.class)
    ProblemDetail noMaskingKey(MaskingKeyMissingException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, missing.getMessage());
        problem.setType(URI.create("https://retail-hub.org/problems/masking-key-missing"));
        problem.setTitle("No masking key");
        return problem;
    }
}
