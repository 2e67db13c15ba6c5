package org.retailhub.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An analyst changes the promotion table of the running hub on its embedded defaults: the next order is priced by
 * the new table, a broken table is refused with every problem and changes nothing, a rollback brings the old table
 * back, a process is deployed only when it has scenarios and they pass on the scenario engine (schema model_review) and its steps
 * exist, a rollback to a version that no longer passes is refused, and a migration plan of running instances is the analyst's to read and the operator's to execute.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0"})
@DirtiesContext
class ModelDeploymentIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;

    AnalystDesk analyst;
    AnalystDesk operator;
    AnalystDesk channel;

    @BeforeEach
    void desks() {
        analyst = new AnalystDesk(port, "analyst");
        operator = new AnalystDesk(port, "operator");
        channel = new AnalystDesk(port, "integration");
    }

    @Test
    void aNewPromotionPricesTheNextOrderAndARollbackTakesItBack() {
        assertThat(promotionsOfANewOrder()).as("the release's table").containsExactly("CATEGORY-APPAREL-10", "MULTIBUY-3");
        int before = newestPricingVersion();

        ResponseEntity<String> deployed = analyst.upload(Map.of(
                "order-pricing.dmn", AnalystDesk.pricingTable("\"MULTIBUY-3\"", "\"MULTIBUY-3-XMAS\"").replace("<text>15</text>", "<text>20</text>"),
                "xmas.yaml", AnalystDesk.multiBuyScenario("MULTIBUY-3-XMAS", 20)), "xmas-2026");

        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(201);
        assertThat(deployed.getHeaders().getLocation()).hasToString("/api/models/order-pricing");
        JsonNode version = analyst.tree(deployed).get(0);
        assertThat(version.get("version").asInt()).isEqualTo(before + 1);
        assertThat(version.get("versionTag").asText()).isEqualTo("xmas-2026");
        assertThat(version.get("origin").asText()).isEqualTo("analyst");
        assertThat(promotionsOfANewOrder()).containsExactly("CATEGORY-APPAREL-10", "MULTIBUY-3-XMAS");
        assertThat(audited("model-deployed")).anySatisfy(d -> assertThat(d).contains("order-pricing v" + (before + 1)).contains("xmas-2026"));

        ResponseEntity<String> rolledBack = analyst.post("/api/models/order-pricing/rollback", "{}");
        assertThat(rolledBack.getStatusCode().value()).as(rolledBack.getBody()).isEqualTo(201);
        assertThat(promotionsOfANewOrder()).containsExactly("CATEGORY-APPAREL-10", "MULTIBUY-3");
        JsonNode versions = analyst.tree(analyst.get("/api/models/order-pricing"));
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(before + 2);
        assertThat(versions.get(1).get("versionTag").asText()).isEqualTo("xmas-2026");
        assertThat(audited("model-rolled-back")).isNotEmpty();
    }

    @Test
    void aBrokenTableIsRefusedWithEveryProblemAndNothingIsDeployed() {
        int before = newestPricingVersion();

        ResponseEntity<String> refused = analyst.upload(Map.of("order-pricing.dmn", AnalystDesk.pricingTable("<text>8</text>", "<text>80</text>")
                .replace("<text>\"APP\"</text>", "<text>\"KIOSK\"</text>")), null);

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = analyst.tree(refused);
        assertThat(problem.get("type").asText()).isEqualTo("https://retail-hub.org/problems/model-refused");
        List<String> problems = java.util.stream.StreamSupport.stream(problem.get("problems").spliterator(), false).map(JsonNode::asText).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("above the hub's limit of 50 %"))
                .anySatisfy(p -> assertThat(p).contains("unreachable").contains("KIOSK"))
                .anySatisfy(p -> assertThat(p).contains("scenario 'platinum member'"));
        assertThat(newestPricingVersion()).isEqualTo(before);
        assertThat(audited("model-refused")).isNotEmpty();

        ResponseEntity<String> notAModel = analyst.upload(Map.of("order-pricing.dmn", "<definitions>"), null);
        assertThat(notAModel.getStatusCode().value()).isEqualTo(422);
        assertThat(operator.upload(Map.of("order-pricing.dmn", AnalystDesk.pricingTable("<text>8</text>", "<text>9</text>")), null)
                .getStatusCode().value()).as("operators do not deploy").isEqualTo(403);
    }

    @Test
    void analystsPreviewAMigrationPlanAndOnlyOperatorsExecuteIt() {
        int newest = analyst.tree(analyst.get("/api/models/order-fulfilment")).get(0).get("version").asInt();

        ResponseEntity<String> plan = analyst.get("/api/models/order-fulfilment/migration-plan?fromVersion=" + newest);
        assertThat(plan.getStatusCode().value()).as(plan.getBody()).isEqualTo(200);
        assertThat(analyst.tree(plan).get("mappedSteps").has("Activity_TakePayment")).isTrue();
        assertThat(analyst.tree(plan).get("problems").toString()).contains("same version");

        String migration = "{\"fromVersion\":" + newest + "}";
        assertThat(analyst.post("/api/models/order-fulfilment/migrations", migration).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> blocked = operator.post("/api/models/order-fulfilment/migrations", migration);
        assertThat(blocked.getStatusCode().value()).as("a plan with problems moves nothing").isEqualTo(409);
        assertThat(operator.get("/api/models/no-such-model").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aProcessFailingItsScenariosOrCallingAStepTheHubLacksIsRefusedAndNothingIsDeployed() {
        int before = newestVersion("payment");
        String payment = AnalystDesk.paymentModel()
                .replace("${authorisation == 'AUTHORISED'}", "${authorisation == 'CAPTURED'}")
                .replace("${payment.giveUp(execution)}", "${payment.giveUpNow(execution)}");

        ResponseEntity<String> refused = analyst.upload(Map.of("payment.bpmn", payment), null);

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        JsonNode problems = analyst.tree(refused).get("problems");
        assertThat(problems.toString())
                .contains("payment.scenarios.yaml scenario 'card authorised at once and captured': the process failed after Gateway_Authorisation")
                .contains("Activity_VoidAuthorisation calls payment.giveUpNow, which is not a step of the hub");
        assertThat(newestVersion("payment")).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from act_re_deployment where name_ like 'review of%'", Integer.class))
                .as("scenarios never run on the hub's own engine").isZero();
        assertThat(jdbc.queryForObject("select count(*) from model_review.act_re_deployment", Integer.class))
                .as("the scenario engine deletes what each review deployed").isZero();
    }

    @Test
    void aProcessWithoutScenariosIsRefusedAndNothingIsDeployed() {
        String express = AnalystDesk.model("payment/refund.bpmn").replace("id=\"refund\"", "id=\"express-refund\"");

        ResponseEntity<String> refused = analyst.upload(Map.of("express-refund.bpmn", express), null);

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(analyst.tree(refused).get("problems").toString())
                .contains("express-refund.bpmn: process express-refund has no scenario tests; upload a scenario file for it");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("express-refund").count()).isZero();
        assertThat(audited("model-refused")).anySatisfy(d -> assertThat(d).contains("express-refund"));
    }

    @Test
    void aProcessPassingItsScenariosIsDeployedAndARollbackToOneThatNoLongerPassesIsRefused() {
        repository.createDeployment().name("through the engine's REST API, unreviewed")
                .addString("payment.bpmn", AnalystDesk.paymentModel().replace("${authorisation == 'DECLINED'}", "${authorisation == 'REFUSED'}"))
                .deploy();
        int unreviewed = newestVersion("payment");
        String scenario = """
                process: payment
                scenarios:
                  - name: card authorised and captured
                    given: {paymentId: pay-1, paymentMethod: CARD}
                    steps:
                      payment.authorise: {set: {authorisation: AUTHORISED}}
                      payment.capture: {set: {authorisation: CAPTURED}}
                    expect: {end: EndEvent_PaymentCaptured}
                  - name: card declined
                    given: {paymentId: pay-2, paymentMethod: CARD}
                    steps:
                      payment.authorise: {set: {authorisation: DECLINED}}
                    expect: {end: EndEvent_PaymentDeclined}
                """;

        ResponseEntity<String> deployed = analyst.upload(Map.of("payment.bpmn", AnalystDesk.paymentModel(), "payment.scenarios.yaml", scenario),
                "pay-reviewed");
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(201);
        assertThat(newestVersion("payment")).isEqualTo(unreviewed + 1);

        ResponseEntity<String> rollback = analyst.post("/api/models/payment/rollback", "{\"toVersion\":" + unreviewed + "}");
        assertThat(rollback.getStatusCode().value()).as(rollback.getBody()).isEqualTo(422);
        assertThat(analyst.tree(rollback).get("problems").toString())
                .contains("scenario 'card declined").contains("the process failed after Gateway_Authorisation");
        assertThat(newestVersion("payment")).isEqualTo(unreviewed + 1);
        assertThat(audited("model-refused")).anySatisfy(d -> assertThat(d).startsWith("rollback to v" + unreviewed));
    }

    private List<String> promotionsOfANewOrder() {
        ResponseEntity<String> accepted = channel.post("/api/orders", """
                {"channel":"WEB","externalId":"IT-MODEL-%s","storeId":"STORE-001","loyaltyTier":"NONE",
                 "lines":[{"sku":"SKU-0002","quantity":3}]}""".formatted(UUID.randomUUID()));
        assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(202);
        String id = channel.tree(accepted).get("id").asText();
        JsonNode order = await().atMost(PATIENCE).until(() -> channel.tree(channel.get("/api/orders/" + id)),
                o -> !o.path("promotions").isEmpty());
        return order.get("promotions").findValuesAsText("code");
    }

    private int newestPricingVersion() {
        return newestVersion("order-pricing");
    }

    private int newestVersion(String key) {
        return analyst.tree(analyst.get("/api/models/" + key)).get(0).get("version").asInt();
    }

    private List<String> audited(String action) {
        return jdbc.queryForList("select detail from hub.audit_event where actor = 'analyst' and action = ?", String.class, action);
    }
}
