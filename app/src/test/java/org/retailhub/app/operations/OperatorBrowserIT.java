package org.retailhub.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.retailhub.app.RetailHubApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * An operator's day in the browser (Debian's Chromium, headless, on the embedded defaults): a shrink investigation found
 * in its Tasklist filter and decided through its form, and in Cockpit the hub's tile, a dead-lettered order replayed
 * after its article is sold again and followed to CONFIRMED in the Order journey, the Consistency page with its link to
 * the decisions in Tasklist; an analyst sees neither payloads nor
 * Replay. One hub for all three; a failure leaves a screenshot and the page under {@code target/browser/}.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.cdc.enabled=false", "hub.islands.simulator-pause=0s", "hub.embedded.postgres-port=0",
        "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0", "hub.erp.simulator-port=0",
        "hub.payment.psp.simulator-webhook-delay=PT0.3S"})
@DirtiesContext
class OperatorBrowserIT {

    private static final String EMAIL = "jane.doe@example.org";

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void operatorFindsAShrinkInvestigationInTasklistAndDecidesItThroughItsForm() {
        ProcessInstance count = engine.getRuntimeService().createProcessInstanceByKey("cycle-count").businessKey("count-browser-it")
                .setVariables(Map.of("countId", "count-browser-it", "storeId", "store-browser-it", "shrinkValue", "250.00",
                        "shrinkThreshold", "100.00", "differences", 1,
                        "shrinkArticles", "[{\"sku\":\"SKU-0007\",\"ledger\":9,\"counted\":4,\"missingValue\":\"250.00\"}]"))
                .startBeforeActivity("Activity_InvestigateShrink").execute();
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(count.getId()).singleResult().getId();
        WebDriver browser = chromium.open();

        chromium.signIn(base(), "tasklist", "operator");
        chromium.until(d -> chromium.text().contains("Olga Operator"));
        assertThat(chromium.text()).as("the operator's name, not 'null null'").doesNotContain("null null");
        chromium.press(browser.findElement(By.xpath("//*[@cam-tasklist-filters]//h4[contains(@class,'name')]/a[normalize-space(text())='Shrink investigations']")));
        WebElement task = chromium.until(d -> d.findElements(By.cssSelector(".tasks-list a[href*='task=" + taskId + "']")).stream().findFirst().orElse(null));
        assertThat(task.getText()).isEqualTo("Investigate the shrink");
        chromium.press(task);
        chromium.until(d -> chromium.text().contains("The count count-browser-it of store store-browser-it"));
        assertThat(chromium.text()).contains("SKU-0007", "Theft", "Miscount");
        chromium.press(chromium.until(d -> d.findElement(By.cssSelector("button.claim"))));
        chromium.until(d -> !d.findElements(By.cssSelector("button.unclaim")).isEmpty());
        chromium.press(browser.findElement(By.xpath("//label[contains(normalize-space(.),'Sold or returned without booking')]/input[@type='radio']")));
        chromium.type(browser.findElement(By.id("shrinkNote")), "returns of till 3 booked a day late");
        chromium.keep("tasklist-shrink-investigation");
        chromium.press(chromium.until(d -> d.findElements(By.cssSelector("button[ng-click='complete()']")).stream().filter(WebElement::isEnabled)
                .findFirst().orElse(null)));

        await().atMost(HeadlessChromium.PATIENCE).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(count.getId()).count() == 0);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(count.getId()).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_ShrinkInvestigated");
        assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).userId("operator").count())
                .as("completed by the operator in Tasklist").isEqualTo(1);
        chromium.until(d -> d.findElements(By.cssSelector(".tasks-list a[href*='task=" + taskId + "']")).isEmpty());
    }

    @Test
    void operatorReplaysADeadLetteredOrderInCockpitAndFollowsItToConfirmed() {
        jdbc.update("update hub.article set active = false where sku = 'SKU-0031'");
        kafka.send("orders.app", "IT-BROWSER-REPLAY", """
                {"orderRef":"IT-BROWSER-REPLAY","store":"WEB-DC","customer":{"email":"%s"},"items":[{"sku":"SKU-0031","qty":1}]}""".formatted(EMAIL));
        RestClient operator = client("operator");
        long letter = awaitLetter(operator, "IT-BROWSER-REPLAY");
        WebDriver browser = chromium.open();

        chromium.signIn(base(), "cockpit", "operator");
        WebElement tile = chromium.until(d -> d.findElements(By.cssSelector(".retail-hub-dashboard")).stream()
                .filter(t -> t.getText().contains("Open dead letters per source")).findFirst().orElse(null));
        assertThat(tile.getText()).contains("Retail hub", "channel", "Order journey");
        chromium.keep("cockpit-dashboard");
        chromium.press(tile.findElement(By.cssSelector("a[href='#/retail-hub/dead-letters']")));
        WebElement row = chromium.until(d -> d.findElements(By.cssSelector(".retail-hub-dead-letters tr[data-letter='channel/" + letter + "']"))
                .stream().findFirst().orElse(null));
        assertThat(row.getText()).contains("orders.app", "no longer sold", "IT-BROWSER-REPLAY").doesNotContain(EMAIL);
        chromium.keep("cockpit-dead-letters");

        jdbc.update("update hub.article set active = true where sku = 'SKU-0031'"); // the fix: the article is sold again
        chromium.press(row.findElement(By.xpath(".//button[normalize-space(.)='Replay']")));
        chromium.until(d -> d.findElements(By.cssSelector(".retail-hub-dead-letters [role=status]")).stream()
                .anyMatch(s -> s.getText().equals("channel/" + letter + ": replayed")));

        String id = await().atMost(HeadlessChromium.PATIENCE).until(() -> jdbc.queryForList(
                "select id::text from hub.customer_order where external_id = 'IT-BROWSER-REPLAY'", String.class), ids -> ids.size() == 1).get(0);
        JsonNode order = await().atMost(HeadlessChromium.PATIENCE).until(() -> tree(operator.get().uri("/api/orders/{id}", id).retrieve()
                .body(String.class)), o -> o.get("history").findValuesAsText("status").contains("CONFIRMED"));
        browser.get(base() + "/camunda/app/cockpit/default/#/retail-hub/orders");
        WebElement search = chromium.until(d -> d.findElements(By.cssSelector(".retail-hub-journey input[name=order]")).stream().findFirst().orElse(null));
        chromium.type(search, "APP:IT-BROWSER-REPLAY");
        chromium.press(browser.findElement(By.cssSelector(".retail-hub-journey button[type=submit]")));
        WebElement journey = chromium.until(d -> d.findElements(By.cssSelector(".retail-hub-journey-result")).stream()
                .filter(r -> r.getText().contains("CONFIRMED")).findFirst().orElse(null));
        assertThat(journey.getText()).contains(order.get("orderNumber").asText(), "APP IT-BROWSER-REPLAY", "RECEIVED", "order-fulfilment");
        chromium.keep("cockpit-order-journey");

        // the consistency page: the latest report (or that none ran yet) and the decisions waiting in Tasklist, linked
        browser.get(base() + "/camunda/app/cockpit/default/#/retail-hub/consistency");
        WebElement decisions = chromium.until(d -> d.findElements(By.id("retail-hub-consistency-decisions")).stream().findFirst().orElse(null));
        assertThat(decisions.getText()).contains("duplicate customer decision");
        assertThat(decisions.findElement(By.id("retail-hub-tasklist-link")).getAttribute("href")).contains("/tasklist/default/#/?filter=");
        assertThat(browser.findElement(By.id("retail-hub-consistency-overall")).getText()).matches("(?s).*(%|No reconciliation has run yet).*");
        chromium.keep("cockpit-consistency");
    }

    @Test
    void analystSeesDeadLettersWithoutPayloadAndCannotReplay() {
        kafka.send("orders.web", "IT-BROWSER-ANALYST", """
                {"orderRef":"IT-BROWSER-ANALYST","store":"WEB-DC","customer":{"email":"%s"},"items":[{"sku":"SKU-0032","qty":0}]}""".formatted(EMAIL));
        long letter = awaitLetter(client("operator"), "IT-BROWSER-ANALYST");
        WebDriver browser = chromium.open();

        chromium.signIn(base(), "cockpit", "analyst");
        chromium.until(d -> chromium.text().contains("Anna Analyst"));
        browser.get(base() + "/camunda/app/cockpit/default/#/retail-hub/dead-letters");
        WebElement row = chromium.until(d -> d.findElements(By.cssSelector(".retail-hub-dead-letters tr[data-letter='channel/" + letter + "']"))
                .stream().findFirst().orElse(null));
        assertThat(row.getText()).contains("quantity", "hidden for your role").doesNotContain("IT-BROWSER-ANALYST", EMAIL);
        assertThat(browser.findElements(By.xpath("//div[contains(@class,'retail-hub-dead-letters')]//button"))).as("no Replay, no Discard").isEmpty();
        chromium.keep("cockpit-dead-letters-analyst");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private RestClient client(String user) {
        return RestClient.builder().baseUrl(base()).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(user, user + "-dev-only")).build();
    }

    private long awaitLetter(RestClient client, String externalId) {
        return await().atMost(HeadlessChromium.PATIENCE).until(() -> StreamSupport.stream(tree(client.get().uri("/api/dead-letters?source=channel")
                        .retrieve().body(String.class)).spliterator(), false)
                .filter(l -> l.get("payload").asText().contains(externalId)).findFirst(), Optional::isPresent).orElseThrow().get("id").asLong();
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
