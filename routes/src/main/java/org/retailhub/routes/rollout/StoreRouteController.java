package org.retailhub.routes.rollout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.retailhub.domain.rollout.StorePath;
import org.retailhub.domain.rollout.StoreRoute;
import org.retailhub.domain.rollout.StoreRoutes;
import org.retailhub.domain.rollout.UnknownStoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pilot rollout's switch: {@code GET /api/stores/routes} lists every store's path, {@code GET /api/stores/{store}/route}
 * reads one, {@code PUT /api/stores/{store}/route} puts a store on the hub's or the legacy path (admins only, with a
 * reason, audited). The next order of that store takes the new path; orders accepted before keep theirs. Spring MVC
 * validates the store id and the body itself, so a refusal is a 400 problem of the order API's handler ({@code OrderProblems}).
 */
@RestController
@RequestMapping("/api/stores")
public class StoreRouteController {

    private static final String STORE_ID = "[A-Z0-9-]{1,20}";

    private final StoreRoutes routes;
    private final RolloutMeters meters;

    public StoreRouteController(StoreRoutes routes, RolloutMeters meters) {
        this.routes = routes;
        this.meters = meters;
    }

    /** The path to put a store on, and why (kept with the route and in the audit trail). */
    public record RouteChange(@NotNull StorePath path, @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping("/routes")
    List<StoreRoute> storeRoutes() {
        return routes.every();
    }

    @GetMapping("/{store}/route")
    StoreRoute storeRoute(@PathVariable @Pattern(regexp = STORE_ID) String store) {
        return routes.route(store);
    }

    @PutMapping("/{store}/route")
    StoreRoute changeStoreRoute(@PathVariable @Pattern(regexp = STORE_ID) String store, @Valid @RequestBody RouteChange change, Principal caller) {
        StoreRoute route = routes.change(store, change.path(), caller.getName(), change.reason().strip());
        meters.refresh();
        return route;
    }

    @ExceptionHandler(UnknownStoreException.class)
    ProblemDetail unknownStore(UnknownStoreException unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setType(URI.create("https://retail-hub.org/problems/unknown-store"));
        problem.setTitle("Unknown store");
        problem.setProperty("storeId", unknown.storeId());
        return problem;
    }
}
