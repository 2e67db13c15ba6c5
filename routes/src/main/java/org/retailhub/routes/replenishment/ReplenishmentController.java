package org.retailhub.routes.replenishment;

import java.util.Map;
import org.retailhub.domain.catalogue.Catalogue;
import org.retailhub.domain.replenishment.ReplenishmentProcesses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/replenishment/stores/{store}/runs}: a replenishment run for one store now, outside its daily
 * schedule; {@code 202} with the process instance, {@code 404} problem for an unknown store.
 */
@RestController
@RequestMapping("/api/replenishment")
public class ReplenishmentController {

    private final ReplenishmentProcesses processes;
    private final Catalogue catalogue;

    public ReplenishmentController(ReplenishmentProcesses processes, Catalogue catalogue) {
        this.processes = processes;
        this.catalogue = catalogue;
    }

    @PostMapping("/stores/{store}/runs")
    ResponseEntity<Map<String, String>> runNow(@PathVariable String store) {
        if (!store.matches("[A-Z0-9-]{1,20}") || !catalogue.storeExists(store)) {
            throw ForecastController.problem(HttpStatus.NOT_FOUND, "unknown-store", "Unknown store",
                    "no store '" + ForecastController.abbreviated(store) + "'");
        }
        return ResponseEntity.accepted().body(Map.of("storeId", store, "processInstanceId", processes.startNow(store)));
    }
}
