package org.retailhub.rfid.inventory;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.stockcount.CountNotPossibleException;
import org.retailhub.domain.stockcount.CycleCountProcesses;
import org.retailhub.domain.stockcount.StockCount;
import org.retailhub.domain.stockcount.StockCounts;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The count API: started counts answer where they live, a store that cannot count is 409, an unknown count 404. */
class CountControllerTest {

    private final Map<UUID, StockCount> counts = new HashMap<>();
    private final StockCounts book = new StockCounts(null, null, null) {
        @Override
        public Optional<StockCount> find(UUID countId) {
            return Optional.ofNullable(counts.get(countId));
        }
    };
    private final CycleCountProcesses processes = new CycleCountProcesses() {
        @Override
        public UUID start(String storeId) {
            if (counts.values().stream().anyMatch(c -> c.storeId().equals(storeId))) {
                throw new CountNotPossibleException("store " + storeId + " has a count open already: close it first");
            }
            UUID id = UUID.randomUUID();
            counts.put(id, new StockCount(id, storeId, "OPEN", Instant.now(), null, 0, List.of(), null));
            return id;
        }

        @Override
        public boolean close(UUID countId) {
            return counts.get(countId).status().equals("OPEN");
        }
    };
    private final MockMvc http = MockMvcBuilders.standaloneSetup(new CountController(processes, book)).build();

    @Test
    void aStartedCountAnswersWhereItLivesAndASecondOneForTheStoreIsAConflict() throws Exception {
        http.perform(post("/api/rfid/counts").contentType(MediaType.APPLICATION_JSON).content("{\"storeId\":\"STORE-001\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/rfid/counts/")))
                .andExpect(jsonPath("$.status").value("OPEN"));

        http.perform(post("/api/rfid/counts").contentType(MediaType.APPLICATION_JSON).content("{\"storeId\":\"STORE-001\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://retail-hub.org/problems/count-not-possible"))
                .andExpect(jsonPath("$.detail").value("store STORE-001 has a count open already: close it first"));
    }

    @Test
    void anUnknownCountIs404AndAStoreIdOfAnotherShapeIs400() throws Exception {
        http.perform(get("/api/rfid/counts/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://retail-hub.org/problems/unknown-count"));
        http.perform(post("/api/rfid/counts/" + UUID.randomUUID() + "/close")).andExpect(status().isNotFound());
        http.perform(post("/api/rfid/counts").contentType(MediaType.APPLICATION_JSON).content("{\"storeId\":\"'; drop table x\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void closingACountThatNoLongerWaitsIsAConflict() throws Exception {
        UUID id = UUID.randomUUID();
        counts.put(id, new StockCount(id, "STORE-002", "POSTED", Instant.now(), Instant.now(), 3, List.of(), BigDecimal.ZERO));

        http.perform(post("/api/rfid/counts/" + id + "/close"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("count " + id + " is POSTED, not waiting for its scan"));
    }
}
