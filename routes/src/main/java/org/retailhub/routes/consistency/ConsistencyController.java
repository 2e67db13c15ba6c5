package org.retailhub.routes.consistency;

import java.net.URI;
import java.util.Map;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.ReconciliationProcesses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/consistency}: the latest reconciliation report (percentage overall and per kind);
 * {@code POST /api/consistency/reconciliations}: start a reconciliation run now.
 */
@RestController
@RequestMapping("/api/consistency")
public class ConsistencyController {

    private final ConsistencyReports reports;
    private final ReconciliationProcesses processes;

    public ConsistencyController(ConsistencyReports reports, ReconciliationProcesses processes) {
        this.reports = reports;
        this.processes = processes;
    }

    @GetMapping
    ConsistencyReports.Stored latest() {
        return reports.latest().orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no reconciliation has run yet; POST /api/consistency/reconciliations starts one");
            problem.setType(URI.create("https://retail-hub.org/problems/no-consistency-report"));
            problem.setTitle("No consistency report yet");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    @PostMapping("/reconciliations")
    ResponseEntity<Map<String, String>> reconcileNow() {
        return ResponseEntity.accepted().body(Map.of("processInstanceId", processes.startNow()));
    }
}
