package org.retailhub.rfid.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.retailhub.domain.stockcount.CountNotPossibleException;
import org.retailhub.domain.stockcount.CycleCountProcesses;
import org.retailhub.domain.stockcount.StockCount;
import org.retailhub.domain.stockcount.StockCounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cycle counts of a store's RFID-tagged articles: {@code POST /api/rfid/counts} starts one (the count process opens
 * it; the store's readers count from then on), {@code POST /api/rfid/counts/{id}/close} ends its scan (the process
 * compares with the ledger, posts the differences to the ERP and, above the shrink threshold, asks the store manager),
 * {@code GET /api/rfid/counts/{id}} shows it.
 */
@RestController
@RequestMapping("/api/rfid/counts")
public class CountController {

    static final URI COUNT_NOT_POSSIBLE = URI.create("https://retail-hub.org/problems/count-not-possible");
    static final URI UNKNOWN_COUNT = URI.create("https://retail-hub.org/problems/unknown-count");

    private final CycleCountProcesses processes;
    private final StockCounts counts;

    public CountController(CycleCountProcesses processes, StockCounts counts) {
        this.processes = processes;
        this.counts = counts;
    }

    /** @param storeId as in {@code hub.store} */
    public record CountRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String storeId) {
    }

    @PostMapping
    ResponseEntity<StockCount> start(@Valid @RequestBody CountRequest request) {
        UUID countId = processes.start(request.storeId());
        return ResponseEntity.created(URI.create("/api/rfid/counts/" + countId)).body(found(countId));
    }

    @PostMapping("/{countId}/close")
    ResponseEntity<StockCount> close(@PathVariable UUID countId) {
        StockCount count = found(countId);
        if (!processes.close(countId)) {
            throw new CountNotPossibleException("count " + countId + " is " + count.status() + ", not waiting for its scan");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(found(countId));
    }

    @GetMapping("/{countId}")
    StockCount count(@PathVariable UUID countId) {
        return found(countId);
    }

    private StockCount found(UUID countId) {
        return counts.find(countId).orElseThrow(() -> new UnknownCountException(countId));
    }

    @ExceptionHandler(CountNotPossibleException.class)
    ProblemDetail notPossible(CountNotPossibleException e) {
        return problem(HttpStatus.CONFLICT, COUNT_NOT_POSSIBLE, "Count not possible", e.getMessage());
    }

    @ExceptionHandler(UnknownCountException.class)
    ProblemDetail unknown(UnknownCountException e) {
        return problem(HttpStatus.NOT_FOUND, UNKNOWN_COUNT, "Unknown count", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    static final class UnknownCountException extends RuntimeException {
        UnknownCountException(UUID countId) {
            super("no count " + countId);
        }
    }
}
