package org.retailhub.routes.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.retailhub.domain.consistency.ConsistencyReports;
import org.retailhub.domain.consistency.EntityKind;
import org.retailhub.domain.consistency.ReconciliationProcesses;
import org.retailhub.domain.consistency.ReconciliationRunningException;
import org.retailhub.domain.inventory.StockShortfalls;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/consistency}: the latest reconciliation report (percentage overall and per kind);
 * {@code POST /api/consistency/reconciliations}: start a reconciliation run now ({@code 409} while one is active);
 * {@code GET /api/consistency/shortfalls}: stock that orders hold reserved beyond what is on hand;
 * {@code GET /api/consistency/trend?runs=}: the last runs' reports, oldest first;
 * {@code GET /api/consistency/mismatches?kind=&limit=}: the latest report's mismatches, masked; analysts see no
 * customer's key or detail (operators and admins do, masked).
 */
@RestController
@Validated
@RequestMapping("/api/consistency")
public class ConsistencyController {

    /** Who may see which customer a mismatch is about (EndpointRules let analysts read the rest). */
    private static final List<String> PERSONAL_DATA_READERS = List.of("OPERATOR", "ADMIN");

    /** The latest report's mismatches as the reader may see them. */
    public record Mismatches(long reportId, Map<EntityKind, Integer> counts, List<ConsistencyReports.MismatchShown> mismatches) {
    }

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

    @GetMapping("/trend")
    List<ConsistencyReports.Stored> trend(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int runs) {
        return reports.trend(runs);
    }

    @GetMapping("/mismatches")
    Mismatches mismatches(@RequestParam(required = false) EntityKind kind, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                          HttpServletRequest request) {
        ConsistencyReports.Stored report = latest();
        boolean personalData = PERSONAL_DATA_READERS.stream().anyMatch(request::isUserInRole);
        return new Mismatches(report.id(), reports.mismatchCounts(report.id()),
                reports.mismatches(report.id(), Optional.ofNullable(kind), limit, personalData));
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
