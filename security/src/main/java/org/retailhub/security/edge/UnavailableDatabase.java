package org.retailhub.security.edge;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that failed because the hub's database does not answer is not the caller's fault and not a bug: it answers
 * {@code 503} with {@code Retry-After} and a problem detail, so channels retry instead of giving up. The same answer comes
 * from the container's error dispatch ({@link ErrorProblems}) when the failure happened outside Spring MVC (a filter,
 * Camunda's engine underneath a controller).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnavailableDatabase {

    /** How long a caller should wait before it tries again: a pool reconnects within seconds once the database is back. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final String TYPE = "dependency-unavailable";
    static final String TITLE = "A service the hub depends on is unavailable";
    static final String DETAIL = "the hub's database does not answer; nothing was changed, retry later";

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setType(java.net.URI.create(Problems.TYPE_BASE + TYPE));
        problem.setTitle(TITLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds())).body(problem);
    }
}
