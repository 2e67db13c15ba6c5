package org.retailhub.routes.consistency;

import java.net.URI;
import java.security.Principal;
import java.util.regex.Pattern;
import org.retailhub.domain.consistency.CustomerErasure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/customers/{customerId}/erasure} (admin): erases the customer's personal data on request
 * ({@link CustomerErasure}). {@code 200} with what each island did; {@code 503} with {@code Retry-After} when an island
 * did not take its part (the hub's part is done; calling again finishes it); {@code 404} for an unknown customer.
 */
@RestController
public class CustomerErasureController {

    private static final Pattern CUSTOMER_ID = Pattern.compile("CU\\d{1,18}");
    private static final String TYPE_BASE = "https://retail-hub.org/problems/";

    private final CustomerErasure erasure;

    public CustomerErasureController(CustomerErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/api/customers/{customerId}/erasure")
    ResponseEntity<?> erase(@PathVariable String customerId, Principal requester) {
        if (!CUSTOMER_ID.matcher(customerId).matches()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    problem(HttpStatus.BAD_REQUEST, "invalid-customer-id", "Not a customer id", "a hub customer id is CU followed by digits"), null);
        }
        CustomerErasure.Erased erased = erasure.erase(customerId, requester == null ? "unknown" : requester.getName());
        if (erased.complete()) {
            return ResponseEntity.ok(erased);
        }
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "erasure-incomplete", "Erasure not finished in every island",
                "the hub's copy of " + customerId + " is erased; an island or a keeper of traces did not take its part: call again");
        problem.setProperty("customerId", customerId);
        problem.setProperty("islands", erased.islands());
        problem.setProperty("traces", erased.traces());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
    }

    @ExceptionHandler(CustomerErasure.UnknownCustomerException.class)
    ProblemDetail unknown(CustomerErasure.UnknownCustomerException e) {
        return problem(HttpStatus.NOT_FOUND, "customer-not-found", "Customer not found", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
