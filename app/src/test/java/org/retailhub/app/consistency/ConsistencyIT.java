package org.retailhub.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.retailhub.app.RetailHubApplication;
import org.retailhub.app.order.DatabaseScan;
import org.retailhub.connectors.cdc.CapturedDatabase;
import org.retailhub.connectors.cdc.CdcEngines;
import org.retailhub.connectors.cdc.CdcProperties;
import org.retailhub.domain.consistency.ConsistencyReport;
import org.retailhub.domain.consistency.Reconciliation;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;
import org.retailhub.legacy.erp.ErpIdoc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The islands as the retailer has them today (< 8 % of records agree) converge through the initial load, CDC and
 * one reconciliation run with an operator's decisions on duplicate customers, to 100 %. Then a change in each
 * island reaches the others, with the lag measured, and a poison change is dead-lettered without stopping the stream;
 * island files are read through the same rules; a till sale of reserved stock is a shortfall, not a dead letter; a
 * non-owner's edit is put back at once; customers are sealed at rest and erasable; one reconciliation runs at a time;
 * a second instance captures only once the first lets go of the lock.
 */
@SpringBootTest(classes = RetailHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.embedded.data-dir=", "hub.embedded.postgres-port=0", "hub.payment.psp.simulator-port=0", "hub.crm.simulator-port=0",
        "hub.erp.simulator-port=0", "hub.cdc.auto-start=false", "hub.islands.simulator-pause=0s",
        "hub.erp.purchasing.simulator-delivery-after=0s"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsistencyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path INBOX = inbox();

    @DynamicPropertySource
    static void islandInbox(DynamicPropertyRegistry registry) {
        registry.add("hub.consistency.inbox", INBOX::toString);
    }

    private static Path inbox() {
        try {
            Path inbox = Files.createTempDirectory("islands-inbox");
            Files.createDirectories(inbox.resolve("pos"));
            Files.createDirectories(inbox.resolve("erp"));
            return inbox;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate hub;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    CdcEngines engines;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObjectMapper json;
    @Autowired
    IslandDatabases islands;
    @Autowired
    IslandsProperties islandsProperties;
    @Autowired
    CdcProperties cdcProperties;
    @Autowired
    org.springframework.boot.autoconfigure.jdbc.DataSourceProperties hubLogin;
    @Autowired
    org.retailhub.domain.consistency.IslandChanges gate;
    @Autowired
    org.retailhub.domain.consistency.StockPostings stockPostings;
    @Autowired
    org.retailhub.domain.inventory.ReservationLedger ledger;
    @Autowired
    org.springframework.transaction.support.TransactionOperations transactions;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    @Autowired
    org.retailhub.processes.consistency.ReconciliationSteps reconciliationSteps;

    RestClient api;

    @BeforeEach
    void client() {
        // the operator starts reconciliations and reads the report (DEV-ONLY login of the embedded default)
        api = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth("operator", "operator-dev-only")).build();
    }

    @Test
    @Order(1)
    void todaysStateConvergesToFullConsistency() throws Exception {
        ConsistencyReport today = reconciliation.compare();
        org.slf4j.LoggerFactory.getLogger(ConsistencyIT.class).info("Consistency today: {} % ({} of {}) {}", today.percent(),
                today.consistent(), today.records(), today.kinds());
        assertThat(today.percent()).isLessThan(new BigDecimal("8"));
        assertThat(today.decisions()).hasSize(3);

        engines.start();
        // initial load: every CRM contact became a golden customer, every ERP price reached the hub
        await().atMost(PATIENCE).until(() -> count("select count(*) from hub.customer") == 40
                && count("select count(*) from hub.golden_source where kind = 'STOCK'") == 150
                && count("select count(*) from hub.golden_source where kind = 'PRICE'") == 50);

        String started = json.readTree(api.post().uri("/api/consistency/reconciliations").retrieve().body(String.class))
                .get("processInstanceId").asText();
        await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(started).count() == 3);
        identity.setAuthentication("operator", List.of("operator"));
        try {
            for (Task task : tasks.createTaskQuery().processInstanceId(started).list()) {
                String group = (String) tasks.getVariable(task.getId(), "duplicateGroup");
                tasks.complete(task.getId(), java.util.Map.of("survivor", group.split(",")[0]));
            }
        } finally {
            identity.clearAuthentication();
        }
        await().atMost(PATIENCE).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(started).finished().count() == 1);

        JsonNode report = json.readTree(api.get().uri("/api/consistency").retrieve().body(String.class));
        org.slf4j.LoggerFactory.getLogger(ConsistencyIT.class).info("Consistency after load, CDC and reconciliation: {}", report);
        assertThat(report.get("stage").asText()).isEqualTo("AFTER_REPAIR");
        assertThat(report.get("percent").decimalValue()).isEqualByComparingTo("100");
        assertThat(meters.get("hub.consistency.percent").gauge().value()).isEqualTo(100.0);
        // and it stays there once the echoes of the repairs came back through CDC
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reconciliation.compare().percent()).isEqualByComparingTo("100"));
        // the operator's three decisions, and the duplicates they retired, are in the audit trail
        assertThat(count("select count(*) from hub.audit_event where actor = 'operator' and action = 'KeepSurvivor' and subject_type = 'Customer'"))
                .isEqualTo(3);
        assertThat(count("select count(*) from hub.audit_event where action = 'Retire' and subject_type = 'Customer'")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void aChangeInEachIslandReachesTheOthers() {
        islands.erp().update("update a004 set kbetr = 12.34 * kpein, aenam = 'CLERK7' where matnr = '000000000000100005'");
        islands.crm().update("update contact set loyalty_points = 999, modified_by = 'agent.lisa' where cust_no = 'C0000005'");
        islands.erp().update("update mard set labst = 321, aenam = 'WMS' where matnr = '000000000000100006' and werks = '1002'");
        islands.pos().update("insert into till_sale (store_no, till_no, receipt_no, line_no, plu, qty, amount_cents) values (11, 3, 777, 1, 4007, 2, 998)");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(islands.pos().queryForObject("select price_cents from plu_item where plu = 4005", Integer.class)).isEqualTo(1234);
            assertThat(hub.queryForObject("select list_price from hub.article where sku = 'SKU-0005'", BigDecimal.class)).isEqualByComparingTo("12.34");
            assertThat(islands.pos().queryForObject("select points_bal from loyalty_member where crm_cust_no = 'C0000005'", Integer.class)).isEqualTo(999);
            assertThat(hub.queryForObject("select on_hand from hub.stock where store_id = 'STORE-002' and sku = 'SKU-0006'", Integer.class)).isEqualTo(321);
        });
        int erpBefore = islands.erp().queryForObject("select labst::int from mard where matnr = '000000000000100007' and werks = '1001'", Integer.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(hub.queryForObject(
                "select count(*) from hub.applied_sale where receipt = 'POS-11-3-777-1'", Integer.class)).isEqualTo(1));
        assertThat(erpBefore).isNotNull();
        Timer lag = meters.find("hub.cdc.lag").tag("island", "ERP").timer();
        assertThat(lag).isNotNull();
        assertThat(lag.count()).isGreaterThan(0);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(reconciliation.compare().percent()).isEqualByComparingTo("100"));

        // who changed which master data: the owner island and its own user, the key and the changed fields
        assertThat(hub.queryForList("select detail from hub.audit_event where actor = 'ERP:CLERK7' and action = 'Change'"
                + " and subject_type = 'Price' and subject_id = 'SKU-0005'", String.class)).singleElement().asString().endsWith("-> 12.34");
        List<String> customer = hub.queryForList("select detail from hub.audit_event where actor = 'CRM:agent.lisa'"
                + " and action = 'Change' and subject_type = 'Customer'", String.class);
        assertThat(customer).as("field names only: customers are personal data").containsExactly("fields loyaltyPoints");
        assertThat(count("select count(*) from hub.audit_event where subject_type = 'Stock'")).as("stock moves are not master data").isZero();
    }

    @Test
    @Order(3)
    void aPoisonChangeIsDeadLetteredAndTheStreamGoesOn() {
        islands.erp().update("insert into mara (matnr, maktx, matkl, aenam) values ('000000000000999999', 'Mystery article', 'ZZZZ', 'CLERK7')");
        islands.erp().update("update a004 set kbetr = 23.45 * kpein, aenam = 'CLERK7' where matnr = '000000000000100008'");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(hub.queryForObject("select list_price from hub.article where sku = 'SKU-0008'", BigDecimal.class)).isEqualByComparingTo("23.45");
            List<String> reasons = hub.queryForList("select reason from hub.cdc_dead_letter where island = 'ERP' and source_table = 'mara'", String.class);
            assertThat(reasons).anySatisfy(r -> assertThat(r).contains("'ZZZZ'").contains("no hub category"));
        });
        // a material the hub cannot take gets no SKU either
        assertThat(count("select count(*) from hub.key_xref where island = 'ERP' and native_key = '000000000000999999'")).isZero();
        assertThat(hub.queryForObject("select payload from hub.cdc_dead_letter where source_table = 'mara' order by id desc limit 1", String.class))
                .contains("Mystery article");
    }

    @Test
    @Order(4)
    void theIslandsNativeFilesAreReadThroughTheSameRules() throws Exception {
        // an end-of-day log with one sale CDC already brought (absorbed), one new sale and one line for an unknown PLU
        int storeTwoBefore = hub.queryForObject("select on_hand from hub.stock where store_id = 'STORE-002' and sku = 'SKU-0011'", Integer.class);
        drop("pos/eod-20261125.txt", (String.join("\n",
                "011030000077700100400700020000009982026112 5".replace(" ", ""),
                "012010000900100100401100030000015002026112 5".replace(" ", ""),
                "011010000900200100999900010000001002026112 5".replace(" ", "")) + "\n").getBytes(StandardCharsets.UTF_8));
        drop("erp/idoc-4711.xml", """
                <IDOC><EDI_DC40><DOCNUM>0000000000004711</DOCNUM><MESTYP>COND_A</MESTYP></EDI_DC40>
                  <E1KOMG><MATNR>000000000000100009</MATNR><E1KONP><KBETR>45.60</KBETR><KPEIN>1</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
                </IDOC>""".getBytes(StandardCharsets.UTF_8));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(hub.queryForObject("select on_hand from hub.stock where store_id = 'STORE-002' and sku = 'SKU-0011'", Integer.class))
                    .isEqualTo(storeTwoBefore - 3);
            assertThat(hub.queryForObject("select count(*) from hub.applied_sale where receipt = 'POS-11-3-777-1'", Integer.class)).isEqualTo(1);
            assertThat(hub.queryForList("select reason from hub.cdc_dead_letter where source_table = 'eod-20261125.txt'", String.class))
                    .singleElement().asString().contains("9999");
            assertThat(islands.pos().queryForObject("select price_cents from plu_item where plu = 4009", Integer.class)).isEqualTo(4560);
        });
    }

    /**
     * An end-of-day log with generated broken lines between two good sales, and generated broken IDocs before a good
     * one: each line that is not a sale line is a dead letter with the file, its line number and its text, the good
     * sales are applied once and nothing else is sold; each IDoc the hub cannot read is a dead letter with its text,
     * and the good one reaches the hub and the tills.
     */
    @Test
    @Order(5)
    void generatedBrokenLinesAndIdocsAreDeadLetteredAndTheGoodOnesApplied() throws Exception {
        // store 12 (STORE-002), till 4: receipt 9101 sells 2 x PLU 4013, 9103 sells 3 x PLU 4015; the broken lines are
        // variants of receipt 9102, 1 x PLU 4014
        String first = "012040000910100100401300020000019982026112" + "5";
        String last = "012040000910300100401500030000029972026112" + "5";
        String template = "012040000910200100401400010000009992026112" + "5";
        Map<String, Integer> before = new HashMap<>();
        for (String sku : List.of("SKU-0013", "SKU-0014", "SKU-0015")) {
            before.put(sku, hub.queryForObject("select on_hand from hub.stock where store_id = 'STORE-002' and sku = ?", Integer.class, sku));
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes((first + "\n").getBytes(StandardCharsets.UTF_8));
        // field by field on the layout (joined again without separators), and byte by byte on the whole line
        Arbitrary<Broken> brokenLines = Arbitraries.oneOf(BrokenInputs.delimited("012|04|00009102|001|004014|0001|000000999|20261125", "|", 0)
                .map(b -> new Broken(b.kind(), b.where(), BrokenInputs.utf8(b.text().replace("|", "")))), BrokenInputs.bytes(BrokenInputs.utf8(template)));
        for (Broken broken : BrokenInputs.sample(brokenLines, 30, 20261129L)) {
            log.writeBytes(broken.bytes());
            log.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        }
        log.writeBytes((last + "\n").getBytes(StandardCharsets.UTF_8));
        drop("pos/eod-20261127.txt", log.toByteArray());
        List<byte[]> idocs = new ArrayList<>();
        for (Broken broken : BrokenInputs.sample(BrokenInputs.xml("""
                <IDOC><EDI_DC40><DOCNUM>0000000000004801</DOCNUM><MESTYP>COND_A</MESTYP></EDI_DC40>
                  <E1KOMG><MATNR>000000000000100016</MATNR><E1KONP><KBETR>16.16</KBETR><KPEIN>1</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
                </IDOC>"""), 8, 20261130L)) {
            idocs.add(broken.bytes());
            drop("erp/idoc-fuzz-" + idocs.size() + ".xml", broken.bytes());
        }
        drop("erp/idoc-4802.xml", """
                <IDOC><EDI_DC40><DOCNUM>0000000000004802</DOCNUM><MESTYP>COND_A</MESTYP></EDI_DC40>
                  <E1KOMG><MATNR>000000000000100017</MATNR><E1KONP><KBETR>51.70</KBETR><KPEIN>1</KPEIN><KONWA>EUR</KONWA></E1KONP></E1KOMG>
                </IDOC>""".getBytes(StandardCharsets.UTF_8));

        await().atMost(PATIENCE).until(() -> Files.exists(INBOX.resolve("pos/.done/eod-20261127.txt"))
                && Files.exists(INBOX.resolve("erp/.done/idoc-4802.xml")) && idocsDone(idocs.size()));
        // the lines as the hub reads them: which are sale lines is the log's layout, 43 digits
        List<String> lines = List.of(new String(log.toByteArray(), StandardCharsets.UTF_8).split("\n", -1));
        Map<Long, String> poison = new TreeMap<>();
        Set<String> sales = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("^\uFEFF", "").replaceFirst("\r$", "");
            if (line.matches("[0-9]{43}")) {
                sales.add(line);
            } else if (!line.isBlank()) {
                poison.put(i + 1L, lines.get(i).replace('\u0000', '\uFFFD'));
            }
        }
        assertThat(sales).as("the readable lines are the sales written").isSubsetOf(first, last, template);
        Map<Long, String> deadLettered = new TreeMap<>();
        hub.query("select position, payload from hub.cdc_dead_letter where source_table = 'eod-20261127.txt'",
                rs -> { deadLettered.put(rs.getLong(1), rs.getString(2)); });
        assertThat(deadLettered).as("a dead letter with its text for each line that is not a sale line, and none else").isEqualTo(poison);
        int templateSold = sales.contains(template) ? 1 : 0;
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(onHand("SKU-0013")).isEqualTo(before.get("SKU-0013") - 2);
            assertThat(onHand("SKU-0015")).isEqualTo(before.get("SKU-0015") - 3);
            assertThat(onHand("SKU-0014")).as("the broken receipt's article: sold once if a variant was readable").isEqualTo(before.get("SKU-0014") - templateSold);
        });
        assertThat(count("select count(*) from hub.applied_sale where receipt like 'POS-12-4-910%'")).isEqualTo(2 + templateSold);

        List<String> idocLetters = hub.queryForList("select source_table from hub.cdc_dead_letter where source_table like 'idoc-fuzz-%'", String.class);
        for (int i = 0; i < idocs.size(); i++) {
            byte[] idoc = idocs.get(i);
            if (catchThrowable(() -> ErpIdoc.parse(idoc)) != null) {
                assertThat(idocLetters).as("IDoc %d, which the hub cannot read", i + 1).contains("idoc-fuzz-" + (i + 1) + ".xml");
            }
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(hub.queryForObject("select list_price from hub.article where sku = 'SKU-0017'", BigDecimal.class)).isEqualByComparingTo("51.70");
            assertThat(islands.pos().queryForObject("select price_cents from plu_item where plu = 4017", Integer.class)).isEqualTo(5170);
        });
        org.slf4j.LoggerFactory.getLogger(ConsistencyIT.class).info("Generated island files: {} end-of-day lines, {} dead-lettered; {} IDocs, {} dead-lettered",
                lines.size(), deadLettered.size(), idocs.size(), idocLetters.size());
    }

    @Test
    @Order(6)
    void aNewErpMaterialGetsItsSkuAndReachesTheHubAndTheTills() {
        islands.erp().update("insert into mara (matnr, maktx, matkl, aenam) values ('000000000000100051', 'Garden chair', 'HOME01', 'CLERK7')");
        islands.erp().update("insert into a004 (vkorg, matnr, kbetr, kpein, konwa, aenam) values ('DE01', '000000000000100051', 59.90, 1, 'EUR', 'CLERK7')");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(hub.queryForList("select hub_key from hub.key_xref where kind = 'ARTICLE' and island = 'ERP' and native_key = '000000000000100051'",
                    String.class)).containsExactly("SKU-0051");
            assertThat(hub.queryForMap("select name, category, list_price from hub.article where sku = 'SKU-0051'"))
                    .containsEntry("name", "Garden chair").containsEntry("category", "HOME").containsEntry("list_price", new BigDecimal("59.90"));
            assertThat(islands.pos().queryForMap("select short_text, dept_no, price_cents from plu_item where plu = 4051"))
                    .containsEntry("short_text", "GARDEN CHAIR").containsEntry("dept_no", 4).containsEntry("price_cents", 5990);
        });
        assertThat(hub.queryForList("select native_key from hub.key_xref where kind = 'ARTICLE' and island = 'POS' and hub_key = 'SKU-0051'",
                String.class)).containsExactly("4051");
    }

    @Test
    @Order(7)
    void stockAnOrderCommitsIsIssuedAtTheErpOnceAndTheErpsNextFigureAgreesWithTheHub() throws Exception {
        String erpStock = "select labst::int from mard where matnr = '000000000000100012' and werks = '1001'";
        String hubStock = "select on_hand from hub.stock where store_id = 'STORE-001' and sku = 'SKU-0012'";
        await().atMost(PATIENCE).until(() -> hub.queryForObject(hubStock, Integer.class).equals(islands.erp().queryForObject(erpStock, Integer.class)));
        int before = islands.erp().queryForObject(erpStock, Integer.class);

        // the web shop's channel account (DEV-ONLY login of the embedded default)
        RestClient shop = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("integration", "integration-dev-only")).build();
        String id = json.readTree(shop.post().uri("/api/orders").contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("""
                {"channel":"WEB","externalId":"IT-ERP-STOCK-1","storeId":"STORE-001","lines":[{"sku":"SKU-0012","quantity":2}]}""")
                .retrieve().body(String.class)).get("id").asText();
        await().atMost(PATIENCE).until(() -> count("select count(*) from hub.stock_posting where posting_ref = '" + id + "/1/issue' "
                + "and posted_at is not null") == 1);
        assertThat(islands.erp().queryForObject(erpStock, Integer.class)).isEqualTo(before - 2);
        assertThat(islands.erp().queryForObject("select count(*) from goods_movement where ref = ?", Integer.class, id + "/1/issue")).isEqualTo(1);
        assertThat(hub.queryForObject(hubStock, Integer.class)).isEqualTo(before - 2);

        // the hub crashed after the ERP took the issue but before it marked it: it posts again, the ERP moves stock once
        hub.update("update hub.stock_posting set posted_at = null where posting_ref = ?", id + "/1/issue");
        stockPostings.postDue(100);
        assertThat(islands.erp().queryForObject(erpStock, Integer.class)).isEqualTo(before - 2);

        // the next goods receipt in the ERP overwrites the hub's stock with a figure that saw the web sale
        islands.erp().update("update mard set labst = labst + 10, aenam = 'WMS' where matnr = '000000000000100012' and werks = '1001'");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(hub.queryForObject(hubStock, Integer.class)).isEqualTo(before + 8));
        assertThat(islands.erp().queryForObject(erpStock, Integer.class)).isEqualTo(before + 8);
    }

    @Test
    @Order(8)
    void aTillSaleOfStockOrdersReservedIsRecordedItsGoodsIssueReachesTheErpAndTheShortfallIsShown() throws Exception {
        String hubStock = "select on_hand from hub.stock where store_id = 'STORE-001' and sku = 'SKU-0014'";
        String erpStock = "select labst::int from mard where matnr = '000000000000100014' and werks = '1001'";
        await().atMost(PATIENCE).until(() -> hub.queryForObject(hubStock, Integer.class).equals(islands.erp().queryForObject(erpStock, Integer.class)));
        int onHand = hub.queryForObject(hubStock, Integer.class);
        // an order holds every piece the store has
        java.util.UUID order = java.util.UUID.randomUUID();
        hub.update("insert into hub.customer_order (id, channel, external_id, store_id, loyalty_tier, allow_partial, status, currency) "
                + "values (?, 'WEB', ?, 'STORE-001', 'NONE', false, 'RECEIVED', 'EUR')", order, "IT-SHORT-" + order);
        transactions.executeWithoutResult(s -> ledger.reserve(order, "STORE-001",
                List.of(new org.retailhub.domain.inventory.StockRequest(1, "SKU-0014", onHand)), false));

        islands.pos().update("insert into till_sale (store_no, till_no, receipt_no, line_no, plu, qty, amount_cents) values (11, 4, 901, 1, 4014, 2, 1998)");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(hub.queryForObject(hubStock, Integer.class)).isEqualTo(onHand - 2);
            assertThat(islands.erp().queryForObject("select count(*) from goods_movement where ref = 'POS-11-4-901-1'", Integer.class)).isEqualTo(1);
        });
        assertThat(islands.erp().queryForObject(erpStock, Integer.class)).isEqualTo(onHand - 2);
        assertThat(count("select count(*) from hub.cdc_dead_letter where island = 'POS' and source_table = 'till_sale'")).as("the sale happened: no dead letter")
                .isZero();
        JsonNode shortfalls = json.readTree(api.get().uri("/api/consistency/shortfalls").retrieve().body(String.class));
        assertThat(shortfalls).singleElement().satisfies(s -> {
            assertThat(s.get("sku").asText()).isEqualTo("SKU-0014");
            assertThat(s.get("shortBy").asInt()).isEqualTo(2);
            assertThat(s.get("lastCause").asText()).isEqualTo("POS-11-4-901-1");
            assertThat(s.get("ordersUncovered").get(0).asText()).isEqualTo(order.toString());
        });
        assertThat(meters.get("hub.stock.shortfall.pieces").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("hub.cdc.changes").tags("island", "POS", "outcome", "SHORTFALL").counter().count()).isEqualTo(1.0);

        // the order gives its reservation back: nothing is short any more
        transactions.executeWithoutResult(s -> ledger.release(order));
        assertThat(json.readTree(api.get().uri("/api/consistency/shortfalls").retrieve().body(String.class))).isEmpty();
    }

    @Test
    @Order(9)
    void aPriceTypedAtTheTillForAnArticleWhosePriceTheErpOwnsIsPutBackAtOnce() {
        String tillPrice = "select price_cents from plu_item where plu = 4013";
        int erpCents = hub.queryForObject("select (list_price * 100)::int from hub.article where sku = 'SKU-0013'", Integer.class);
        await().atMost(PATIENCE).until(() -> islands.pos().queryForObject(tillPrice, Integer.class) == erpCents);

        islands.pos().update("update plu_item set price_cents = 1, upd_user = 'STORE11' where plu = 4013");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(hub.queryForList("select reason from hub.cdc_dead_letter where island = 'POS' and source_table = 'plu_item'", String.class))
                    .anySatisfy(r -> assertThat(r).contains("ConflictingChangeException").contains("SKU-0013").contains("ERP owns"));
            assertThat(islands.pos().queryForObject(tillPrice, Integer.class)).isEqualTo(erpCents);
        });
        assertThat(hub.queryForObject("select list_price from hub.article where sku = 'SKU-0013'", BigDecimal.class).movePointRight(2).intValue())
                .isEqualTo(erpCents);
        assertThat(hub.queryForList("select detail from hub.audit_event where actor = 'hub' and action = 'Restore' and subject_type = 'Price' "
                + "and subject_id = 'SKU-0013'", String.class)).singleElement().asString().contains("POS had changed listPrice").endsWith("-> 0.01; the owner's value is back");
        assertThat(meters.get("hub.cdc.conflicts.restored").tags("island", "POS", "kind", "PRICE").counter().count()).isEqualTo(1.0);
    }

    @Test
    @Order(10)
    void aCustomersPersonalDataIsSealedAtRestErasedOnRequestAndNotBroughtBack() throws Exception {
        islands.crm().update("insert into contact (cust_no, first_name, last_name, email, loyalty_points, modified_by) "
                + "values ('C0000501', 'Zora', 'Quastenberg', 'zora.quastenberg@example.org', 70, 'agent.lisa')");
        await().atMost(PATIENCE).until(() -> islands.pos().queryForObject("select count(*) from loyalty_member where crm_cust_no = 'C0000501'",
                Integer.class) == 1);
        String id = hub.queryForObject("select hub_key from hub.key_xref where kind = 'CUSTOMER' and island = 'CRM' and native_key = 'C0000501'", String.class);
        assertThat(reconciliation.compare().mismatches()).noneMatch(m -> m.key().equals(id));
        assertThat(DatabaseScan.columnsContaining(hub, "Quastenberg")).as("sealed at rest").isEmpty();
        assertThat(DatabaseScan.columnsContaining(hub, "zora.quastenberg@example.org")).isEmpty();

        // a till clerk renames the card: the CRM owns customers, the name goes back; the dead letter keeps the original change
        islands.pos().update("update loyalty_member set member_name = 'Quastenberg-Neu, Zora', upd_user = 'STORE11' where crm_cust_no = 'C0000501'");
        // the name is written back first, then counted: wait for both
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(islands.pos().queryForObject("select member_name from loyalty_member where crm_cust_no = 'C0000501'", String.class))
                    .isEqualTo("Quastenberg, Zora");
            assertThat(meters.find("hub.cdc.conflicts.restored").tags("island", "POS", "kind", "CUSTOMER").counter())
                    .isNotNull().satisfies(restored -> assertThat(restored.count()).isEqualTo(1.0));
        });
        assertThat(DatabaseScan.columnsContaining(hub, "Quastenberg")).containsExactly("\"hub\".\"cdc_dead_letter\".\"payload\"");
        int orders = count("select count(*) from hub.customer_order");
        int reports = count("select count(*) from hub.consistency_report");

        RestClient admin = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth("admin", "admin-dev-only")).build();
        assertThat(api.post().uri("/api/customers/{id}/erasure", id).retrieve().toBodilessEntity().getStatusCode().value()).as("operator").isEqualTo(403);
        var erased = admin.post().uri("/api/customers/{id}/erasure", id).retrieve().toEntity(String.class);
        assertThat(erased.getStatusCode().value()).isEqualTo(200);
        JsonNode answer = json.readTree(erased.getBody());
        assertThat(answer.get("islands").get("POS").asText()).isEqualTo("erased");
        assertThat(answer.get("islands").get("CRM").asText()).startsWith("retired");
        assertThat(answer.get("deadLettersRedacted").asInt()).isEqualTo(1);

        assertThat(DatabaseScan.columnsContaining(hub, "Quastenberg")).as("erased").isEmpty();
        assertThat(DatabaseScan.columnsContaining(hub, "zora.quastenberg@example.org")).isEmpty();
        assertThat(islands.pos().queryForMap("select member_name, email, status from loyalty_member where crm_cust_no = 'C0000501'"))
                .containsEntry("member_name", "ERASED").containsEntry("email", null).containsEntry("status", "D");
        assertThat(islands.crm().queryForObject("select deleted from contact where cust_no = 'C0000501'", Boolean.class)).isTrue();
        assertThat(hub.queryForList("select actor || ' ' || detail from hub.audit_event where action = 'Erase' and subject_id = ?", String.class, id))
                .hasSize(2).allSatisfy(line -> assertThat(line).startsWith("admin ").doesNotContain("Quastenberg", "zora"));
        assertThat(count("select count(*) from hub.customer_order")).isEqualTo(orders);
        assertThat(count("select count(*) from hub.consistency_report")).isEqualTo(reports);

        // an agent brings the customer back in the CRM: the hub recognises the erased customer and takes nothing in
        islands.crm().update("update contact set deleted = false, email = 'zora.q@example.org', modified_by = 'agent.tom' where cust_no = 'C0000501'");
        await().atMost(PATIENCE).until(() -> meters.find("hub.cdc.changes").tags("island", "CRM", "outcome", "ERASED").counter() != null);
        reconciliation.repair(reconciliation.compare());
        assertThat(DatabaseScan.columnsContaining(hub, "Quastenberg")).isEmpty();
        assertThat(DatabaseScan.columnsContaining(hub, "zora.q@example.org")).isEmpty();
        assertThat(islands.pos().queryForObject("select member_name from loyalty_member where crm_cust_no = 'C0000501'", String.class)).isEqualTo("ERASED");

        assertThat(admin.post().uri("/api/customers/CU999999999/erasure").retrieve().toEntity(String.class))
                .satisfies(r -> assertThat(r.getStatusCode().value()).isEqualTo(404))
                .satisfies(r -> assertThat(r.getHeaders().getContentType()).hasToString("application/problem+json"));
        assertThat(admin.post().uri("/api/customers/x'1/erasure").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    @Order(11)
    void oneReconciliationRunsAtATimeWhoeverStartsItOnWhicheverInstance() throws Exception {
        // a customer entered twice makes the run wait for an operator's decision
        islands.crm().update("insert into contact (cust_no, first_name, last_name, email, loyalty_points, modified_by) "
                + "values ('C0000502', 'Mia', 'Becker', 'customer13@example.org', 0, 'agent.tom')");
        org.camunda.bpm.engine.ProcessEngine secondInstance = secondInstancesEngine();
        java.util.concurrent.ExecutorService starters = java.util.concurrent.Executors.newFixedThreadPool(9);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<org.springframework.http.ResponseEntity<String>>> requests = new java.util.ArrayList<>();
        List<java.util.concurrent.Future<String>> secondsStarts = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                requests.add(starters.submit(() -> {
                    go.await();
                    return api.post().uri("/api/consistency/reconciliations").retrieve().toEntity(String.class);
                }));
                secondsStarts.add(starters.submit(() -> {
                    go.await();
                    try {
                        return new org.retailhub.processes.consistency.ReconciliationProcess(secondInstance.getRuntimeService()).startNow();
                    } catch (org.retailhub.domain.consistency.ReconciliationRunningException refused) {
                        return "refused:" + refused.activeRun();
                    }
                }));
            }
            String hourly = management.createJobQuery().timers().processDefinitionKey("reconciliation").singleResult().getId();
            var timer = starters.submit(() -> {
                go.await();
                management.executeJob(hourly);
                return null;
            });
            go.countDown();
            timer.get();
            List<org.springframework.http.ResponseEntity<String>> answers = new java.util.ArrayList<>();
            for (var request : requests) {
                answers.add(request.get());
            }
            List<String> running = runtime.createProcessInstanceQuery().processDefinitionKey("reconciliation").list().stream()
                    .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).toList();
            assertThat(running).as("one run, whoever started it").hasSize(1);
            for (var answer : answers) {
                JsonNode body = json.readTree(answer.getBody());
                if (answer.getStatusCode().value() == 202) {
                    assertThat(body.get("processInstanceId").asText()).isEqualTo(running.get(0));
                } else {
                    assertThat(answer.getStatusCode().value()).isEqualTo(409);
                    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
                    assertThat(body.get("activeRun").asText()).isEqualTo(running.get(0));
                }
            }
            List<String> fromSecond = new java.util.ArrayList<>();
            for (var start : secondsStarts) {
                fromSecond.add(start.get());
            }
            assertThat(fromSecond).allSatisfy(s -> assertThat(s).isIn(running.get(0), "refused:" + running.get(0)));
            assertThat(answers.stream().filter(a -> a.getStatusCode().value() == 202).count() + fromSecond.stream().filter(running::contains).count())
                    .as("at most one start went through (or the timer's)").isLessThanOrEqualTo(1);

            await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processDefinitionKey("reconciliation").count() == 1);
            assertThat(api.post().uri("/api/consistency/reconciliations").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(409);
            management.executeJob(management.createJobQuery().timers().processDefinitionKey("reconciliation").singleResult().getId());
            assertThat(tasks.createTaskQuery().processDefinitionKey("reconciliation").count()).as("no duplicated decision").isEqualTo(1);

            Task decision = tasks.createTaskQuery().processDefinitionKey("reconciliation").singleResult();
            tasks.complete(decision.getId(), java.util.Map.of("survivor", ((String) tasks.getVariable(decision.getId(), "duplicateGroup")).split(",")[0]));
            await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processDefinitionKey("reconciliation").count() == 0);
            assertThat(api.post().uri("/api/consistency/reconciliations").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(202);
        } finally {
            starters.shutdownNow();
            secondInstance.close();
        }
    }

    /**
     * What a second hub instance sharing the database runs: its own process engine (no job executor) on the same
     * PostgreSQL, with the same reconciliation steps; its transactions are its own.
     */
    private org.camunda.bpm.engine.ProcessEngine secondInstancesEngine() {
        var hubEngine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        var second = new org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration();
        second.setProcessEngineName("second-hub-instance");
        second.setDataSource(dataSource);
        second.setTransactionManager(transactionManager);
        second.setDatabaseSchemaUpdate("false");
        second.setJobExecutorActivate(false);
        second.setMetricsEnabled(false);
        second.setCustomHistoryLevels(List.of(hubEngine.getHistoryLevel()));
        second.setHistory(hubEngine.getHistoryLevel().getName());
        second.setBeans(java.util.Map.of("reconciliation", reconciliationSteps));
        return second.buildProcessEngine();
    }

    /** Customer insight's consent register is the CRM's: captured like any CRM change; an erasure drops the profile. */
    @Test
    @Order(12)
    void consentToTrackingComesFromTheCrmAndAnErasedCustomersProfileIsDropped(
            @Autowired org.retailhub.domain.insight.CustomerInsight insight) throws Exception {
        // the initial load carried the sample contacts' consent: C0000001 said yes, C0000004 was never asked
        assertThat(hub.queryForList("select c.granted from hub.tracking_consent c join hub.key_xref x on x.hub_key = c.customer_id "
                + "where x.kind = 'CUSTOMER' and x.island = 'CRM' and c.source = 'CRM' and x.native_key in ('C0000001', 'C0000004') "
                + "order by x.native_key", Boolean.class)).containsExactly(true, false);
        islands.crm().update("insert into contact (cust_no, first_name, last_name, email, loyalty_points, modified_by) "
                + "values ('C0000512', 'Ida', 'Pfeiffer', 'ida.pfeiffer@example.org', 0, 'agent.lisa')");
        String id = await().atMost(PATIENCE).until(() -> hub.queryForList("select c.customer_id from hub.tracking_consent c join hub.key_xref x "
                + "on x.hub_key = c.customer_id where x.kind = 'CUSTOMER' and x.island = 'CRM' and x.native_key = 'C0000512'", String.class),
                ids -> ids.size() == 1).get(0);
        RestClient shop = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth("integration", "integration-dev-only")).build();
        assertThat(behaviour(shop, "C0000512")).as("never asked").contains("NO_CONSENT");

        islands.crm().update("update contact set track_consent = 'Y', modified_by = 'agent.tom' where cust_no = 'C0000512'");
        await().atMost(PATIENCE).until(() -> behaviour(shop, "C0000512").contains("ACCEPTED"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> insight.profile(id).isPresent());

        islands.crm().update("update contact set track_consent = 'N', modified_by = 'agent.tom' where cust_no = 'C0000512'");
        await().atMost(PATIENCE).until(() -> Boolean.FALSE.equals(hub.queryForObject(
                "select granted from hub.tracking_consent where customer_id = ?", Boolean.class, id)));
        assertThat(behaviour(shop, id)).as("withdrawn as soon as captured").contains("NO_CONSENT");
        assertThat(hub.queryForObject("select source from hub.tracking_consent where customer_id = ?", String.class, id)).isEqualTo("CRM");

        RestClient admin = RestClient.builder().baseUrl("http://localhost:" + port).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .defaultHeaders(h -> h.setBasicAuth("admin", "admin-dev-only")).build();
        JsonNode erased = json.readTree(admin.post().uri("/api/customers/{id}/erasure", id).retrieve().body(String.class));
        assertThat(erased.path("traces").path("insight").asText()).isEqualTo("forgotten");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> insight.profile(id).isEmpty());
    }

    private static String behaviour(RestClient shop, String customer) {
        return shop.post().uri("/api/behaviour").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"customer\":\"" + customer + "\",\"sku\":\"SKU-0011\",\"kind\":\"VIEW\",\"storeId\":\"STORE-001\"}")
                .retrieve().body(String.class);
    }

    /** Replenishment on the same hub and its real CDC: proposal, buyer, ERP IDocs, receipts in parts (ReplenishmentLoop). */
    @Test
    @Order(15)
    void aReplenishmentRunGoesFromProposalThroughTheBuyerAndTheErpToItsGoodsReceipts(
            @Autowired org.springframework.context.ApplicationContext context) throws Exception {
        org.retailhub.app.replenishment.ReplenishmentLoop loop = new org.retailhub.app.replenishment.ReplenishmentLoop(context, islands.erp(), port);
        loop.forecastsALiveSeriesAsTheCommandDoes();
        loop.runsFromProposalToGoodsReceipt();
    }

    @Test
    @Order(20)
    void aSecondInstanceCapturesOnlyWhenTheFirstLetsGo() {
        CdcEngines second = new CdcEngines(
                islandsProperties.all().entrySet().stream().map(e -> new CapturedDatabase(e.getKey(), e.getValue().url())).toList(),
                cdcProperties, hubLogin.determineUrl(), hubLogin.determineUsername(), hubLogin.determinePassword(), gate);
        try {
            second.start();
            await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> engines.leading() == 3 && second.leading() == 0);

            engines.stop();
            await().atMost(PATIENCE).until(() -> second.leading() == 3);
            islands.erp().update("update a004 set kbetr = 34.56 * kpein, aenam = 'CLERK7' where matnr = '000000000000100010'");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(islands.pos().queryForObject(
                    "select price_cents from plu_item where plu = 4010", Integer.class)).isEqualTo(3456));
        } finally {
            second.stop();
        }
    }

    /** Writes an island's file into the inbox as the island does: under another name first, then renamed. */
    private static void drop(String name, byte[] content) throws java.io.IOException {
        Path staged = Files.write(INBOX.resolve(name + ".part"), content);
        Files.move(staged, INBOX.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean idocsDone(int generated) {
        for (int i = 1; i <= generated; i++) {
            if (!Files.exists(INBOX.resolve("erp/.done/idoc-fuzz-" + i + ".xml"))) {
                return false;
            }
        }
        return true;
    }

    private int onHand(String sku) {
        return hub.queryForObject("select on_hand from hub.stock where store_id = 'STORE-002' and sku = ?", Integer.class, sku);
    }

    private int count(String sql) {
        Integer n = hub.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }
}
