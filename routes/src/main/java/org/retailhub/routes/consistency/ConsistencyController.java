package org.retailhub.routes.consistency;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.ReconciliationProcesses;
import org.retailhub.domain.consistency.ReconciliationRunningException;
import org.retailhub.domain.inventory.StockShortfalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/consistency}: the latest reconciliation report (percentage overall and per kind);
 * {@code POST /api/consistency/reconciliations}: start a reconciliation run now ({@code 409} while one is active);
 * {@code GET /api/consistency/shortfalls}: stock that orders hold reserved beyond what is on hand.
 */
@RestController
@RequestMapping("/api/consistency")
public class ConsistencyController {

    private final ConsistencyReports reports;
    private final ReconciliationProcesses processes;
    private final StockShortfalls shortfalls;

    public ConsistencyController(ConsistencyReports reports, ReconciliationProcesses processes, StockShortfalls shortfalls) {
        this.reports = reports;
        this.processes = processes;
        this.shortfalls = shortfalls;
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

    @GetMapping("/shortfalls")
    List<StockShortfalls.Shortfall> shortfalls() {
        return shortfalls.open();
    }

    @ExceptionHandler(ReconciliationRunningException.class)
    ProblemDetail oneRunAtATime(ReconciliationRunningException running) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.activeRun() == null
                ? "another reconciliation run was active and has just ended; ask again"
                : "reconciliation run " + running.activeRun() + " is active; one run at a time (it may wait for an operator's decision in Tasklist)");
        problem.setType(URI.create("https://retail-hub.org/problems/reconciliation-running"));
        problem.setTitle("A reconciliation is running");
        problem.setProperty("activeRun", running.activeRun());
        return problem;
    }
}
