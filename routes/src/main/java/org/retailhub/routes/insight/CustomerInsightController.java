package org.retailhub.routes.insight;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.retailhub.domain.insight.BehaviourOutcome;
import org.retailhub.domain.insight.BehaviourReport;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.CustomerRecommendations;
import org.retailhub.domain.insight.InsightPeers;
import org.retailhub.domain.insight.ProfileView;
import org.retailhub.domain.insight.Recommendation;
import org.retailhub.domain.shared.RefusedInputException;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer insight's API: the REST behaviour beacon ({@code 202} with what became of the event: tracked, or dropped
 * because the customer did not consent or is unknown), a customer's recommendations (an unknown customer gets the
 * popular articles, never an error) and profile. Refusals are RFC 9457 problem details. With several instances, a
 * question about a customer whose state another instance holds is asked there in the caller's name
 * ({@link InsightPeers}), and its answer passed on.
 */
@RestController
public class CustomerInsightController {

    private static final Pattern CUSTOMER = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern STORE = Pattern.compile("[A-Z0-9-]{1,20}");
    private static final int MOST = 100;
    private static final String TYPE_BASE = "https://retail-hub.org/problems/";

    public record Outcome(BehaviourOutcome outcome) {
    }

    public record Recommendations(String customer, String storeId, List<Recommendation> items) {
    }

    private final BehaviourBeacon beacon;
    private final CustomerRecommendations recommendations;
    private final InsightPeers peers;

    public CustomerInsightController(BehaviourBeacon beacon, CustomerRecommendations recommendations, InsightPeers peers) {
        this.beacon = beacon;
        this.recommendations = recommendations;
        this.peers = peers;
    }

    @PostMapping("/api/behaviour")
    public ResponseEntity<Outcome> behaviour(@Valid @RequestBody BehaviourReport report) {
        return ResponseEntity.accepted().body(new Outcome(beacon.take(report)));
    }

    /** Up to {@code k} (1-100) articles in stock at {@code storeId}, else at the customer's store. */
    @GetMapping("/api/customers/{customer}/recommendations")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Recommendations.class)))
    public ResponseEntity<?> recommendations(@PathVariable String customer, @RequestParam(defaultValue = "10") int k,
                                             @RequestParam(required = false) String storeId, HttpServletRequest request) {
        checked(customer);
        if (k < 1 || k > MOST) {
            throw refused("invalid-k", "k must be 1-" + MOST);
        }
        if (storeId != null && !STORE.matcher(storeId).matches()) {
            throw refused("invalid-store-id", "a store id is 1-20 characters A-Z, 0-9 or '-'");
        }
        String asked = "/api/customers/" + customer + "/recommendations?k=" + k + (storeId == null ? "" : "&storeId=" + storeId);
        return atHolder(customer, asked, request)
                .orElseGet(() -> ResponseEntity.ok(new Recommendations(customer, storeId, recommendations.recommend(customer, k, storeId))));
    }

    @GetMapping("/api/customers/{customer}/profile")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProfileView.class)))
    public ResponseEntity<?> profile(@PathVariable String customer, HttpServletRequest request) {
        checked(customer);
        return atHolder(customer, "/api/customers/" + customer + "/profile", request).orElseGet(() -> ResponseEntity.ok(
                recommendations.profile(customer).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        problem(HttpStatus.NOT_FOUND, "profile-not-found", "No profile",
                                "no tracked behaviour of " + customer + " (unknown, without consent, or nothing seen yet)"), null))));
    }

    /** The answer of the instance holding the customer's state, if it is not this one (and the request was not passed on already). */
    private Optional<ResponseEntity<?>> atHolder(String customer, String asked, HttpServletRequest request) {
        if (request.getHeader(InsightPeers.FORWARDED_HEADER) != null) {
            return Optional.empty();
        }
        return recommendations.trackedCustomer(customer)
                .flatMap(id -> peers.askHolder(id, asked, request.getHeader(HttpHeaders.AUTHORIZATION)))
                .map(answer -> ResponseEntity.status(answer.status()).contentType(answer.contentType() == null
                        ? MediaType.APPLICATION_JSON : MediaType.parseMediaType(answer.contentType())).body(answer.body()));
    }

    @ExceptionHandler(RefusedInputException.class)
    ProblemDetail refusedEvent(RefusedInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-behaviour-event", "Behaviour event refused", e.getMessage());
    }

    @ExceptionHandler(CustomerInsight.InsightUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CustomerInsight.InsightUnavailableException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "insight-unavailable", "Customer insight is not ready, try again",
                "the behaviour stream is starting or rebalancing");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static void checked(String customer) {
        if (!CUSTOMER.matcher(customer).matches()) {
            throw refused("invalid-customer-id", "a customer is named by the hub's id (CU…) or the CRM's number (C…): 2-20 characters A-Z or 0-9");
        }
    }

    private static ErrorResponseException refused(String type, String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, type, "Request is not valid", detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
