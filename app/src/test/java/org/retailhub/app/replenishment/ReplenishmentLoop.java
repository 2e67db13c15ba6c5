package org.retailhub.app.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.retailhub.domain.replenishment.ErpPurchasing;
import org.retailhub.domain.replenishment.PurchaseOrderBook;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The replenishment loop end to end in a running hub with real CDC (run by {@code ConsistencyIT}, whose hub captures
 * the islands): a run for a store, the buyer's review, purchase orders to the ERP as IDocs (one refused with the ERP's
 * reason), goods receipts the ERP's clerks post arriving through CDC in parts, a malformed one dead-lettered while the
 * order stays open, and the orders and the run closing; the forecast API on the same data.
 *
 * <p>The articles of the two vendors that take orders every day ({@code 0000000105}, {@code 0000000107}) are brought
 * low in plant 1001 (STORE-001), so the run must order them whatever weekday it is; vendor 107 is blocked for
 * purchasing in the ERP, so its order is refused.
 */
public final class ReplenishmentLoop {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String STORE = "STORE-001";

    private final JdbcTemplate hub;
    private final JdbcTemplate erp;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ErpPurchasing erpPurchasing;
    private final PurchaseOrderBook book;
    private final RestClient operator;
    private final RestClient integration;
    private final ObjectMapper json = new ObjectMapper();

    public ReplenishmentLoop(ApplicationContext context, JdbcTemplate erp, int port) {
        this.hub = context.getBean(JdbcTemplate.class);
        this.erp = erp;
        this.tasks = context.getBean(TaskService.class);
        this.identity = context.getBean(IdentityService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.history = context.getBean(HistoryService.class);
        this.erpPurchasing = context.getBean(ErpPurchasing.class);
        this.book = context.getBean(PurchaseOrderBook.class);
        this.operator = client(port, "operator", "operator-dev-only");
        this.integration = client(port, "integration", "integration-dev-only");
    }

    private static RestClient client(int port, String user, String password) {
        return RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    public void runsFromProposalToGoodsReceipt() throws Exception {
        erp.update("update lfa1 set sperm = 'X', aenam = 'PURCHASER' where lifnr = '0000000107'");
        erp.update("update mard set labst = 3, aenam = 'WMS' where werks = '1001' and matnr in "
                + "(select matnr from eine where werks = '1001' and lifnr in ('0000000105', '0000000107'))");
        await("the low stock reaches the hub through CDC").atMost(PATIENCE).until(() -> count("select count(*) from hub.stock where store_id = 'STORE-001' and on_hand = 3") >= 12);

        String started = json.readTree(operator.post().uri("/api/replenishment/stores/{store}/runs", STORE).retrieve().body(String.class))
                .get("processInstanceId").asText();
        await("the buyer's review task").atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(started).taskDefinitionKey("Activity_ReviewProposal").count() == 1);
        String runId = (String) runtime.getVariable(started, "runId");
        // lines under the threshold were approved at once, the others wait for the buyer
        assertThat(count("select count(*) from hub.replenishment_line where run_id = '" + runId
                + "' and (approval = 'AUTO') <> (proposed * unit_cost < 500)")).isZero();
        Task review = tasks.createTaskQuery().processInstanceId(started).initializeFormKeys().singleResult();
        assertThat(review.getFormKey()).isEqualTo("embedded:/camunda/forms/replenishment-review.html");
        assertThat(operator.get().uri("/camunda/forms/replenishment-review.html").retrieve().body(String.class)).contains("approved_", "line_");
        List<JsonNode> lines = tasks.getVariables(review.getId()).entrySet().stream().filter(e -> e.getKey().startsWith("line_"))
                .map(e -> read((String) e.getValue())).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.get("explanation").asText()).contains("Safety stock", "Position"));

        JsonNode changed = lines.get(0);
        int wanted = changed.get("proposed").asInt() + 1;                // rounded up to the next whole pack
        int pack = changed.get("packSize").asInt();
        Map<String, Object> decision = new HashMap<>(Map.of("approved_" + changed.get("line").asInt(), (long) wanted));
        if (lines.size() > 1) {
            decision.put("approved_" + lines.get(1).get("line").asInt(), 0L);
        }
        identity.setAuthentication("operator", List.of("operator"));
        try {
            tasks.complete(review.getId(), decision);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(hub.queryForObject("select approved from hub.replenishment_line where run_id = ? and line_no = ?", Integer.class, runId,
                changed.get("line").asInt())).isEqualTo((wanted + pack - 1) / pack * pack);

        // every order reaches the ERP as an IDoc: accepted with the ERP's number, or refused with its reason
        await("every purchase order answered by the ERP").atMost(PATIENCE).until(() -> count("select count(*) from hub.purchase_order where run_id = '" + runId + "'") > 0
                && count("select count(*) from hub.purchase_order where run_id = '" + runId + "' and status = 'PLACED'") == 0);
        String refused = hub.queryForObject("select po_id from hub.purchase_order where run_id = ? and supplier = '0000000107'", String.class, runId);
        assertThat(hub.queryForObject("select status || ': ' || erp_reason from hub.purchase_order where po_id = ?", String.class, refused))
                .isEqualTo("REFUSED: vendor 0000000107 is blocked for purchasing");
        await("the refusal task").atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(refused).taskDefinitionKey("Activity_SeeRefusal").count() == 1);
        Task refusal = tasks.createTaskQuery().processInstanceBusinessKey(refused).singleResult();
        assertThat(tasks.getVariable(refusal.getId(), "erpReason")).isEqualTo("vendor 0000000107 is blocked for purchasing");

        String accepted = hub.queryForObject("select po_id from hub.purchase_order where run_id = ? and supplier = '0000000105'", String.class, runId);
        String ebeln = hub.queryForObject("select erp_number from hub.purchase_order where po_id = ? and status = 'ACCEPTED'", String.class, accepted);
        assertThat(erp.queryForObject("select count(*) from ekko where ihrez = ? and ebeln = ?", Integer.class, accepted, ebeln)).isEqualTo(1);
        // placed again (a retried step), the ERP makes no second order
        assertThat(erpPurchasing.place(book.get(accepted)).erpNumber()).isEqualTo(ebeln);
        assertThat(erp.queryForObject("select count(*) from ekko where ihrez = ?", Integer.class, accepted)).isEqualTo(1);

        // a first part arrives through CDC; a malformed receipt is dead-lettered and the order stays open
        List<Map<String, Object>> items = erp.queryForList("select ebelp, menge::int as menge from ekpo where ebeln = ? order by ebelp", ebeln);
        clerkPosts("IT-" + ebeln.substring(5), 1, ebeln, (Integer) items.get(0).get("ebelp"), 1);
        await("the first part booked").atMost(PATIENCE).until(() -> "PARTLY_RECEIVED".equals(status(accepted)));
        clerkPosts("IT-BAD", 1, ebeln, 990, 5);
        await("the malformed receipt dead-lettered").atMost(PATIENCE).until(() -> count("select count(*) from hub.cdc_dead_letter where source_table = 'ekbe' "
                + "and reason like '%item 990 of purchase order " + ebeln + "%no such item%'") == 1);
        assertThat(status(accepted)).isEqualTo("PARTLY_RECEIVED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(accepted).activityIdIn("Activity_WaitForReceipt").count()).isEqualTo(1);

        // the rest arrives: the order is received, its process ends; the buyer drops the refused one; the run ends
        for (int i = 0; i < items.size(); i++) {
            int rest = (Integer) items.get(i).get("menge") - (i == 0 ? 1 : 0);
            clerkPosts("IT-" + ebeln.substring(5), i + 2, ebeln, (Integer) items.get(i).get("ebelp"), rest);
        }
        await("the accepted order received in full").atMost(PATIENCE).until(() -> "RECEIVED".equals(status(accepted)));
        assertThat(count("select sum(quantity) from hub.goods_receipt where po_id = '" + accepted + "'"))
                .isEqualTo(count("select sum(quantity) from hub.purchase_order_line where po_id = '" + accepted + "'"));
        identity.setAuthentication("operator", List.of("operator"));
        try {
            tasks.complete(refusal.getId(), Map.of("sendAgain", false));
        } finally {
            identity.clearAuthentication();
        }
        await("the refused order dropped").atMost(PATIENCE).until(() -> "DROPPED".equals(status(refused)));
        // orders of other vendors whose order day it is (Tuesday: 0000000102 and 0000000104) wait for their goods, then the run is over
        for (String other : hub.queryForList("select erp_number from hub.purchase_order where run_id = ? and status <> 'DROPPED' and po_id <> ?",
                String.class, runId, accepted)) {
            receiveAll(other);
        }
        await("the run finished").atMost(PATIENCE).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(started).finished().count() == 1);
        assertThat(count("select count(*) from hub.purchase_order where run_id = '" + runId
                + "' and status in ('PLACED', 'ACCEPTED', 'PARTLY_RECEIVED', 'REFUSED')")).isZero();
        erp.update("update lfa1 set sperm = null, aenam = 'PURCHASER' where lifnr = '0000000107'");
    }

    private void receiveAll(String ebeln) {
        int item = 1;
        for (Map<String, Object> open : erp.queryForList("select ebelp, menge::int as menge from ekpo where ebeln = ?", ebeln)) {
            clerkPosts("IT-" + ebeln.substring(5), item++, ebeln, (Integer) open.get("ebelp"), (Integer) open.get("menge"));
        }
    }

    /** What the ERP's clerk posts for a delivery note: the material document item and the stock that arrived. */
    private void clerkPosts(String document, int item, String ebeln, int ebelp, int quantity) {
        erp.update("insert into ekbe (belnr, buzei, ebeln, ebelp, bwart, menge, ernam) values (?, ?, ?, ?, '101', ?, 'CLERK7')",
                document, item, ebeln, ebelp, quantity);
        erp.update("update mard set labst = labst + ?, aenam = 'CLERK7' where werks = '1001' and matnr = "
                + "(select matnr from ekpo where ebeln = ? and ebelp = ?)", quantity, ebeln, ebelp);
    }

    public void forecastsALiveSeriesAsTheCommandDoes() throws Exception {
        JsonNode forecast = json.readTree(operator.get().uri("/api/forecasts/STORE-001/SKU-0013").retrieve().body(String.class));
        assertThat(forecast.at("/series/store").asText()).isEqualTo(STORE);
        assertThat(forecast.at("/series/days").asInt()).isGreaterThanOrEqualTo(365);
        assertThat(forecast.get("model").asText()).isNotBlank();
        assertThat(forecast.at("/backtest/errors").size()).isGreaterThanOrEqualTo(3);
        assertThat(forecast.get("forecast")).hasSize(14);
        var unknown = operator.get().uri("/api/forecasts/STORE-999/SKU-0013").retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(integration.get().uri("/api/forecasts/STORE-001/SKU-0013").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }

    private String status(String poId) {
        return hub.queryForObject("select status from hub.purchase_order where po_id = ?", String.class, poId);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int count(String sql) {
        Integer n = hub.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
