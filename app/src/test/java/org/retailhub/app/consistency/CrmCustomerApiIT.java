package org.retailhub.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.ChangePropagation;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.IslandChanges;
import org.retailhub.domain.consistency.KeyCrossReference;
import org.retailhub.domain.consistency.KeyCrossReference.Subject;
import org.retailhub.simulator.crm.CrmCustomerApi;
import org.retailhub.legacy.crm.CrmIsland;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The hub writes the CRM only through the CRM's customer API over HTTP. Here the POS owns customers, so a loyalty
 * card changed at a till reaches the CRM as a PUT (or a POST for a customer the CRM does not have yet); the CRM records
 * the hub as the changing user, which makes the CDC echo recognisable; a change the CRM refuses is a dead letter with
 * the CRM's reason. Changes enter where the capture engines hand them over (the CDC route), the engines stay off.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.embedded.postgres-port=0", "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0",
        "hub.erp.simulator-port=0", "hub.crm.customers.simulator-port=0", "hub.cdc.auto-start=false", "hub.islands.simulator-pause=0s",
        "hub.consistency.owners.customer=POS"})
@DirtiesContext
class CrmCustomerApiIT {

    private static final AtomicLong POSITION = new AtomicLong(1_000_000_000L);

    @Autowired
    IslandChanges gate;
    @Autowired
    ChangePropagation propagation;
    @Autowired
    KeyCrossReference keys;
    @Autowired
    CrmIsland crmIsland;
    @Autowired
    IslandDatabases islands;
    @Autowired
    JdbcTemplate hub;
    @Autowired
    CrmCustomerApi crmApi;
    @Autowired
    ObjectMapper json;

    RestClient crm;

    @BeforeEach
    void signInToTheCrm() {
        crm = RestClient.builder().baseUrl(crmApi.baseUrl().toString()).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth(Island.HUB_WRITER, "retailhub-dev-only")).build();
    }

    @Test
    void aCustomerChangedAtATillReachesTheCrmThroughItsApiAndComesBackAsAnEcho() throws Exception {
        String id = keys.customerOf(Island.CRM, "C0000005");
        gate.accept(tillChange("9900000000000005", "C0000005", "WEBER, Lea", "customer5@example.org", 4242));

        JsonNode customer = json.readTree(crm.get().uri("/crm/api/customers/C0000005").retrieve().body(String.class));
        assertThat(customer.get("loyaltyPoints").asInt()).isEqualTo(4242);
        assertThat(customer.get("lastName").asText()).isEqualTo("WEBER");
        assertThat(customer.get("modifiedBy").asText()).isEqualTo(Island.HUB_WRITER);
        assertThat(hub.queryForObject("select loyalty_points from hub.customer where customer_id = ?", Integer.class, id)).isEqualTo(4242);

        // what CDC captures of that write: the CRM's row with the API user in modified_by
        Map<String, Object> row = islands.crm().queryForMap("select cust_no, first_name, last_name, email, loyalty_points, deleted, modified_by "
                + "from contact where cust_no = 'C0000005'");
        assertThat(propagation.apply(change(Island.CRM, "contact", row))).isEqualTo(ChangePropagation.Outcome.ECHO);
    }

    @Test
    void aCustomerTheCrmRefusesIsADeadLetterWithTheCrmsReasonAndTheStreamGoesOn() {
        keys.customerOf(Island.CRM, "C0000006");
        keys.customerOf(Island.CRM, "C0000007");
        int before = islands.crm().queryForObject("select loyalty_points from contact where cust_no = 'C0000006'", Integer.class);
        gate.accept(tillChange("9900000000000006", "C0000006", "HOFFMANN, Anna", "anna at home", 10));
        gate.accept(tillChange("9900000000000007", "C0000007", "SCHMIDT, Lea", "customer7@example.org", 777));

        assertThat(hub.queryForList("select reason from hub.cdc_dead_letter where island = 'POS' and source_table = 'loyalty_member' "
                + "and payload like '%9900000000000006%'", String.class)).singleElement().asString()
                .contains("HTTP 422").contains("email").contains("is not a valid e-mail address").doesNotContain("anna at home");
        assertThat(islands.crm().queryForObject("select loyalty_points from contact where cust_no = 'C0000006'", Integer.class)).isEqualTo(before);
        assertThat(islands.crm().queryForObject("select loyalty_points from contact where cust_no = 'C0000007'", Integer.class)).isEqualTo(777);
    }

    @Test
    void aCustomerNewToTheCrmIsCreatedThroughItsApiOnceEvenWhenTheHubAsksTwice() {
        keys.link(Subject.CUSTOMER, "CU990001", Island.POS, "9900000000000902");
        gate.accept(tillChange("9900000000000902", null, "KRAUS, Till", "till.kraus@example.org", 15));

        String number = keys.nativeKey(Subject.CUSTOMER, "CU990001", Island.CRM).orElseThrow();
        assertThat(islands.crm().queryForMap("select last_name, loyalty_points, ext_ref, modified_by from contact where cust_no = ?", number))
                .containsEntry("last_name", "KRAUS").containsEntry("loyalty_points", 15).containsEntry("ext_ref", "CU990001")
                .containsEntry("modified_by", Island.HUB_WRITER);

        // the hub crashed after the CRM created the customer but before it stored the number: it asks again
        keys.unlink(Subject.CUSTOMER, "CU990001", Island.CRM);
        crmIsland.write(new Customer("CU990001", "Till KRAUS", "till.kraus@example.org", 15));
        assertThat(keys.nativeKey(Subject.CUSTOMER, "CU990001", Island.CRM)).contains(number);
        assertThat(islands.crm().queryForObject("select count(*) from contact where ext_ref = 'CU990001'", Integer.class)).isEqualTo(1);
    }

    @Test
    void theCrmApiPagesItsCustomersAndAnswersProblemsWithoutPersonalData() throws Exception {
        JsonNode page = json.readTree(crm.get().uri("/crm/api/customers?page=1&size=15").retrieve().body(String.class));
        assertThat(page.get("totalElements").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(page.get("customers")).hasSize(15);
        assertThat(page.get("customers").get(0).get("customerNo").asText()).isEqualTo("C0000016");

        ResponseEntity<String> refused = crm.post().uri("/crm/api/customers").contentType(MediaType.APPLICATION_JSON)
                .body("{\"lastName\":\"\",\"email\":\"secret@nowhere\",\"loyaltyPoints\":-5}").retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("lastName", "email", "loyaltyPoints");
        assertThat(refused.getBody()).doesNotContain("secret@nowhere");

        ResponseEntity<String> anonymous = RestClient.builder().baseUrl(crmApi.baseUrl().toString())
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build()
                .get().uri("/crm/api/customers/C0000005").retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    }

    private IslandChange tillChange(String card, String crmNumber, String memberName, String email, int points) {
        Map<String, Object> row = new HashMap<>();
        row.put("card_no", card);
        row.put("crm_cust_no", crmNumber);
        row.put("member_name", memberName);
        row.put("email", email);
        row.put("points_bal", points);
        row.put("status", "A");
        row.put("upd_user", "TILL7");
        return change(Island.POS, "loyalty_member", row);
    }

    private IslandChange change(Island island, String table, Map<String, Object> row) {
        try {
            return new IslandChange(island, table, 'u', row, POSITION.incrementAndGet(), Instant.now(), json.writeValueAsString(Map.of("after", row)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
