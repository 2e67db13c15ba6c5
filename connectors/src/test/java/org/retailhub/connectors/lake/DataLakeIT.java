package org.retailhub.connectors.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.retailhub.connectors.kafka.OutboxRelay;
import org.retailhub.connectors.kafka.OutboxRelayProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.domain.consistency.CanonicalRecord.Customer;
import org.retailhub.domain.consistency.GoldenRecords;
import org.retailhub.domain.consistency.PersonalDataSeal;
import org.retailhub.domain.consistency.StockSale;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.InteractionKind;
import org.retailhub.domain.inventory.ReservationLedger;
import org.retailhub.domain.inventory.StockMovements;
import org.retailhub.domain.replenishment.GoodsReceipt;
import org.retailhub.domain.replenishment.PurchaseOrderBook;
import org.retailhub.domain.inventory.StockRequest;
import org.retailhub.domain.lake.CustomerPseudonyms;
import org.retailhub.domain.lake.LakeLedger;
import org.retailhub.domain.order.GiftCardToken;
import org.retailhub.domain.order.OrderEvent;
import org.retailhub.domain.order.OrderStatus;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.outbox.Outbox;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentEvents;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.shared.Money;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lake's exporter on a real broker and the hub's real database, writing real Parquet files with DuckDB and reading
 * them back with DuckDB as an analyst would. Each test has topics of its own.
 */
class DataLakeIT {

    private static final String SEAL_KEY = "dev-only-personal-data-key-never-in-prod-00";
    private static final Instant MONDAY = Instant.parse("2026-11-30T21:15:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T06:05:00Z");
    private static final String CARD_TOKEN = "gct-vault-token-never-in-the-lake";

    private static HubDatabase db;
    private static EmbeddedKafkaKraftBroker kafka;
    private static KafkaProducer<String, String> producer;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static LakeLedger ledger;
    private static CustomerPseudonyms pseudonyms;
    private static GoldenRecords golden;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path lake;

    private final List<LakeExporter> exporters = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        ledger = new LakeLedger(jdbc, tx);
        pseudonyms = new CustomerPseudonyms(jdbc);
        golden = new GoldenRecords(jdbc, tx, new PersonalDataSeal("k1", SEAL_KEY, Map.of()),
                new StockMovements(jdbc, new Outbox(jdbc, JSON), "stock.movements"));
        kafka = new EmbeddedKafkaKraftBroker(1, 2).kafkaPorts(0);
        kafka.afterPropertiesSet();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.getBrokersAsString()), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        kafka.destroy();
        db.close();
    }

    @org.junit.jupiter.api.AfterEach
    void closeExporters() {
        exporters.forEach(LakeExporter::close);
    }

    @Test
    void eventsLandPartitionedByTypeAndDayAndReadBackWithDuckDb() throws Exception {
        Topics topics = Topics.named("land");
        golden.put(new Customer("CU900001", "Ada Shopper", "ada@example.org", 0));
        for (int i = 0; i < 30; i++) {
            send(topics.orders(), order(i % 3 == 0 ? MONDAY : TUESDAY, OrderStatus.values()[i % 4]));
        }
        for (int i = 0; i < 20; i++) {
            send(topics.behaviour(), behaviour("CU900001", i % 2 == 0 ? MONDAY : TUESDAY));
        }
        send(topics.epcis(), epcisEvent("2026-12-01T07:05:00+01:00", "receiving", "urn:epc:id:sgln:4012345.00001.0",
                "urn:epc:id:sgtin:4012345.011111.1", "urn:epc:id:sgtin:4012345.011111.2"));
        send(topics.epcis(), epcisEvent("2026-12-01T07:40:00+01:00", "departing", null, "urn:epc:id:sgtin:4012345.011111.2"));
        send(topics.epcis(), "{\"type\":\"ObjectEvent\",\"epcList\":[\"no time\"]}");

        exportUntil(exporter(topics, ledger), 52);

        try (Stream<Path> files = Files.walk(lake)) {
            assertThat(files.filter(f -> f.toString().endsWith(".parquet")).map(f -> lake.relativize(f).getParent().toString()).distinct())
                    .containsExactlyInAnyOrder("type=order/date=2026-11-30", "type=order/date=2026-12-01",
                            "type=behaviour/date=2026-11-30", "type=behaviour/date=2026-12-01", "type=epcis/date=2026-12-01");
        }
        assertThat(query("select occurred_at::varchar, biz_step, biz_location, epc_count, unnest(epcs) from read_parquet('" + lake
                + "/type=epcis/*/*.parquet') order by all"))
                .as("EPCIS events in UTC, one row per item after unnest, the door without a business location; the event without a time left out")
                .containsExactly(
                        List.of("2026-12-01 06:05:00+00", "receiving", "urn:epc:id:sgln:4012345.00001.0", 2, "urn:epc:id:sgtin:4012345.011111.1"),
                        List.of("2026-12-01 06:05:00+00", "receiving", "urn:epc:id:sgln:4012345.00001.0", 2, "urn:epc:id:sgtin:4012345.011111.2"),
                        Arrays.asList("2026-12-01 06:40:00+00", "departing", null, 1, "urn:epc:id:sgtin:4012345.011111.2"));
        assertThat(lake.resolve("_schema/order/v1.json")).content().contains("\"order_number\"", "\"version\" : 1");
        assertThat(query("select type, date::varchar, count(*) from read_parquet('" + lake + "/type=*/date=*/*.parquet', hive_partitioning = true, union_by_name = true)"
                + " group by all order by all"))
                .containsExactly(List.of("behaviour", "2026-11-30", 10L), List.of("behaviour", "2026-12-01", 10L),
                        List.of("epcis", "2026-12-01", 2L), List.of("order", "2026-11-30", 10L), List.of("order", "2026-12-01", 20L));
        assertThat(query("select distinct status, schema_version from read_parquet('" + lake + "/type=order/*/*.parquet') order by status"))
                .containsExactly(List.of("AWAITING_PAYMENT", 1), List.of("CONFIRMED", 1), List.of("PAID", 1), List.of("RECEIVED", 1));
        assertThat(query("select sum(total), min(currency), min(occurred_at)::varchar from read_parquet('" + lake + "/type=order/*/*.parquet')"))
                .containsExactly(List.of(new BigDecimal("597.00"), "EUR", "2026-11-30 21:15:00+00"));
        assertThat(query("select distinct customer from read_parquet('" + lake + "/type=behaviour/*/*.parquet')"))
                .as("the customer only as a pseudonym, the same on every row")
                .containsExactly(List.of(pseudonyms.existing("CU900001").orElseThrow()));
        assertThat(pseudonyms.existing("CU900001").orElseThrow()).hasSize(64).doesNotContain("CU900001");
    }

    /**
     * Payments and stock movements as the hub makes them (a goods receipt among them): each status change, posting or receipt writes its event to the outbox
     * in its own transaction, the hub's relay publishes it, and the lake keeps it once, with nothing of the card.
     */
    @Test
    void paymentAndStockMovementEventsOfTheOutboxLandOnceWithoutCardData() throws Exception {
        Topics topics = Topics.named("outbox");
        Outbox outbox = new Outbox(jdbc, JSON);
        PaymentRepository payments = new PaymentRepository(jdbc, new PaymentEvents(outbox, Clock.systemUTC(), topics.payments()));
        StockMovements movements = new StockMovements(jdbc, outbox, topics.movements());
        UUID paid = db.newOrder();
        UUID declined = db.newOrder();
        Payment split = tx.execute(s -> payments.openFor(paid, PaymentMethod.SPLIT, Money.of("39.80", "EUR"), new GiftCardToken(CARD_TOKEN, "4711")));
        Payment card = tx.execute(s -> payments.openFor(declined, PaymentMethod.CARD, Money.of("10.13", "EUR"), null));
        answer(payments, split, PaymentStatus.AUTHORISED, null);
        answer(payments, split, PaymentStatus.AUTHORISED, null); // the webhook again: no change, no event
        answer(payments, split, PaymentStatus.CAPTURED, null);
        answer(payments, split, PaymentStatus.PENDING, null); // late news never moves a payment back
        answer(payments, card, PaymentStatus.DECLINED, "insufficient funds");
        tx.executeWithoutResult(s -> {
            payments.record(card.id(), new ProviderAnswer(null, PaymentStatus.VOIDED, null, null));
            s.setRollbackOnly(); // the change rolled back: so does its event
        });
        ReservationLedger stock = new ReservationLedger(jdbc, movements);
        tx.executeWithoutResult(s -> stock.reserve(paid, "STORE-001", List.of(new StockRequest(1, "SKU-0005", 2)), false));
        tx.executeWithoutResult(s -> stock.commit(paid));
        new GoldenRecords(jdbc, tx, new PersonalDataSeal("k1", SEAL_KEY, Map.of()), movements)
                .applySale(new StockSale("POS-11-9-" + paid + "-1", "STORE-001", "SKU-0005", 1));
        String erpOrder = purchaseOrderOf("4500000077", "STORE-001", "SKU-0005", 12);
        PurchaseOrderBook purchaseOrders = new PurchaseOrderBook(jdbc, tx, movements);
        purchaseOrders.receive(new GoodsReceipt("5000000077", 1, erpOrder, 10, 12));
        purchaseOrders.receive(new GoodsReceipt("5000000077", 1, erpOrder, 10, 12)); // the ERP's capture again: booked once

        relayOutbox(outbox);
        exportUntil(exporter(topics, ledger), 6);

        String payment = "read_parquet('" + lake + "/type=payment/*/*.parquet')";
        assertThat(query("select event, payment_id, order_id, method, amount, currency, status, reason, schema_version from " + payment + " order by event"))
                .containsExactly(
                        Arrays.asList("PaymentAuthorised", split.id().toString(), paid.toString(), "SPLIT", new BigDecimal("39.80"), "EUR", "AUTHORISED", null, 1),
                        Arrays.asList("PaymentCaptured", split.id().toString(), paid.toString(), "SPLIT", new BigDecimal("39.80"), "EUR", "CAPTURED", null, 1),
                        Arrays.asList("PaymentDeclined", card.id().toString(), declined.toString(), "CARD", new BigDecimal("10.13"), "EUR", "DECLINED",
                                "insufficient funds", 1));
        assertThat(query("select * from " + payment).toString()).as("no card data").doesNotContain(CARD_TOKEN);
        assertThat(query("select reference, store_id, sku, quantity, kind from read_parquet('" + lake + "/type=stock_movement/*/*.parquet') order by kind"))
                .as("the change of the store's stock: twelve pieces arrived, two left with the order, one with the till sale")
                .containsExactly(List.of("receipt/5000000077/1", "STORE-001", "SKU-0005", 12, "GOODS_RECEIPT"),
                        List.of(paid + "/1/issue", "STORE-001", "SKU-0005", -2, "ORDER_ISSUE"),
                        List.of("POS-11-9-" + paid + "-1", "STORE-001", "SKU-0005", -1, "TILL_SALE"));
        assertThat(query("select count(*), count(distinct source), count(customer) from read_parquet(['" + lake + "/type=payment/*/*.parquet', '"
                + lake + "/type=stock_movement/*/*.parquet'], union_by_name = true)"))
                .as("each event once, none naming a customer").containsExactly(List.of(6L, 6L, 0L));
        assertThat(lake.resolve("_schema/stock_movement/v1.json")).content().contains("\"quantity\"", "\"version\" : 1");
    }

    @Test
    void aCrashBetweenTheFilesAndTheWatermarkNeitherLosesNorDuplicatesARow() throws Exception {
        Topics topics = Topics.named("crash");
        for (int i = 0; i < 40; i++) {
            send(topics.orders(), order(i < 20 ? MONDAY : TUESDAY, OrderStatus.PAID));
        }
        AtomicBoolean crash = new AtomicBoolean(true);
        LakeLedger crashing = new LakeLedger(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()))) {
            @Override
            public void commit(String topic, int partition, long to, List<LakeFile> files) {
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("the hub died after writing " + files);
                }
                super.commit(topic, partition, to, files);
            }
        };
        LakeExporter dying = exporter(topics, crashing);
        assertThatThrownBy(() -> exportUntil(dying, 40)).as("a round that got records dies before its commit")
                .hasMessageContaining("the hub died");
        dying.close();
        assertThat(parquetFiles()).as("the batch's files were written before the crash").isNotEmpty();

        for (int i = 0; i < 25; i++) {
            send(topics.orders(), order(TUESDAY, OrderStatus.REFUNDED));
        }
        LakeExporter restarted = exporter(topics, ledger);
        exportUntil(restarted, 65);
        LakeExporter second = alongside(topics, ledger, LakeUpload.NONE);
        assertThat(second.exportRound()).as("a second exporter while the first holds the lake").isZero();
        restarted.close();
        for (int round = 0; round < 3; round++) {
            assertThat(second.exportRound()).as("a rerun over the same lake and watermarks").isZero();
        }

        assertThat(query("select count(*), count(distinct source) from read_parquet('" + lake + "/type=order/*/*.parquet')"))
                .as("every event once after the restart and a rerun by another exporter")
                .containsExactly(List.of(65L, 65L));
        assertThat(jdbc.queryForObject("select sum(row_count) from hub.lake_file where path like ?", Long.class, "%" + topics.orders() + "%"))
                .isEqualTo(65L);
    }

    @Test
    void erasingACustomerMakesTheirLakeRowsUnlinkable() throws Exception {
        Topics topics = Topics.named("erase");
        golden.put(new Customer("CU900002", "Bea Erased", "bea@example.org", 0));
        golden.put(new Customer("CU900003", "Cy Kept", "cy@example.org", 0));
        for (int i = 0; i < 6; i++) {
            send(topics.behaviour(), behaviour(i % 2 == 0 ? "CU900002" : "CU900003", MONDAY));
        }
        exportUntil(exporter(topics, ledger), 6);
        String erasedPseudonym = pseudonyms.existing("CU900002").orElseThrow();
        String keptPseudonym = pseudonyms.existing("CU900003").orElseThrow();

        golden.eraseCustomer("CU900002");

        assertThat(pseudonyms.existing("CU900002")).as("the key is gone with the erasure").isEmpty();
        assertThat(pseudonyms.of("CU900002")).as("and no new key is made for an erased customer").isEmpty();
        assertThat(pseudonyms.of("CU900003")).contains(keptPseudonym);
        assertThat(query("select customer, count(*) from read_parquet('" + lake + "/type=behaviour/*/*.parquet') group by all order by 2, 1"))
                .as("the rows are still there, but nothing in the hub leads from the customer to " + erasedPseudonym)
                .containsExactlyInAnyOrder(List.of(erasedPseudonym, 3L), List.of(keptPseudonym, 3L));

        send(topics.behaviour(), behaviour("CU900002", TUESDAY));
        exportUntil(exporter(topics, ledger), 1);
        assertThat(query("select customer from read_parquet('" + lake + "/type=behaviour/date=2026-12-01/*.parquet')"))
                .as("an event of the erased customer still on its way is written without anyone").containsExactly(java.util.Collections.singletonList(null));
    }

    @Test
    void committedFilesAreCopiedToTheObjectStorageUnderTheSamePaths(@TempDir Path objects) throws Exception {
        Topics topics = Topics.named("upload");
        for (int i = 0; i < 12; i++) {
            send(topics.orders(), order(i % 2 == 0 ? MONDAY : TUESDAY, OrderStatus.CONFIRMED));
        }
        // files of the other tests' lakes (other folders) are not this storage's business
        jdbc.update("update hub.lake_file set uploaded_at = now() where uploaded_at is null");
        try (ObjectStorageServer server = ObjectStorageServer.start(objects, "lake");
             S3LakeUpload upload = new S3LakeUpload(new LakeProperties.ObjectStorage("lake", "retail-hub/", server.endpoint(), "eu-central-1",
                     ObjectStorageServer.ACCESS_KEY, ObjectStorageServer.SECRET_KEY), lake, ledger);
             S3Client s3 = S3Client.builder().region(Region.EU_CENTRAL_1).endpointOverride(URI.create(server.endpoint())).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ObjectStorageServer.ACCESS_KEY,
                             ObjectStorageServer.SECRET_KEY))).build()) {

            exportUntil(exporter(topics, ledger, upload), 12);

            List<String> local = new ArrayList<>(parquetFiles().stream().map(f -> "retail-hub/" + lake.relativize(f)).toList());
            local.add("retail-hub/_schema/order/v1.json");
            local.add("retail-hub/_schema/behaviour/v1.json");
            local.add("retail-hub/_schema/epcis/v1.json");
            local.add("retail-hub/_schema/payment/v1.json");
            local.add("retail-hub/_schema/stock_movement/v1.json");
            assertThat(s3.listObjectsV2(r -> r.bucket("lake")).contents()).extracting(S3Object::key).containsExactlyInAnyOrderElementsOf(local);
            Path monday = parquetFiles().stream().filter(f -> f.toString().contains("date=2026-11-30")).findFirst().orElseThrow();
            assertThat(s3.getObjectAsBytes(r -> r.bucket("lake").key("retail-hub/" + lake.relativize(monday))).asByteArray())
                    .isEqualTo(Files.readAllBytes(monday));
            assertThat(ledger.notUploaded(10)).as("every committed file marked uploaded").isEmpty();
        }
    }

    private record Topics(String orders, String behaviour, String epcis, String payments, String movements) {
        static Topics named(String test) {
            return new Topics("orders.events." + test, "behaviour.accepted." + test, "rfid.epcis." + test, "payments.events." + test,
                    "stock.movements." + test);
        }
    }

    private static void answer(PaymentRepository payments, Payment payment, PaymentStatus status, String reason) {
        tx.executeWithoutResult(s -> payments.record(payment.id(), new ProviderAnswer("psp_" + payment.id(), status, reason, null)));
    }

    /** Runs the hub's outbox relay until it has published every event waiting. */
    /** A purchase order of one line the ERP accepted (its number answered), as the replenishment run placed it. */
    private static String purchaseOrderOf(String erpNumber, String store, String sku, int pieces) {
        String po = "PO-" + erpNumber;
        jdbc.update("insert into hub.replenishment_run (run_id, store_id, day, articles) values (?, ?, current_date, 1)", "RUN-" + erpNumber, store);
        jdbc.update("""
                insert into hub.purchase_order (po_id, run_id, store_id, supplier, status, erp_number, due_date)
                values (?, ?, ?, '0000000105', 'ACCEPTED', ?, current_date + 1)""", po, "RUN-" + erpNumber, store, erpNumber);
        jdbc.update("insert into hub.purchase_order_line (po_id, line_no, sku, quantity, unit_cost, currency) values (?, 10, ?, ?, 2.40, 'EUR')",
                po, sku, pieces);
        return erpNumber;
    }

    private static void relayOutbox(Outbox outbox) {
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(
                Map.of("bootstrap.servers", kafka.getBrokersAsString()), new StringSerializer(), new StringSerializer());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        try {
            new OutboxRelay(outbox, new KafkaTemplate<>(producers), new DataSourceTransactionManager(db.dataSource()),
                    new OutboxRelayProperties(true, Duration.ofMillis(50), 500, Duration.ofSeconds(10), Duration.ofDays(30), Duration.ofHours(1)),
                    new SimpleMeterRegistry(), scheduler);
            await().atMost(Duration.ofSeconds(60)).until(() -> outbox.pending() == 0);
        } finally {
            scheduler.shutdown();
            producers.destroy();
        }
    }

    private LakeExporter exporter(Topics topics, LakeLedger withLedger) {
        return exporter(topics, withLedger, LakeUpload.NONE);
    }

    /** A fresh exporter, as after a restart: the ones before are stopped. */
    private LakeExporter exporter(Topics topics, LakeLedger withLedger, LakeUpload upload) {
        exporters.forEach(LakeExporter::close);
        return alongside(topics, withLedger, upload);
    }

    /** An exporter beside the running ones, as on another instance. */
    private LakeExporter alongside(Topics topics, LakeLedger withLedger, LakeUpload upload) {
        Map<String, LakeEventType> types = Map.of(topics.orders(), CanonicalEvents.ORDER, topics.behaviour(), CanonicalEvents.BEHAVIOUR,
                topics.epcis(), CanonicalEvents.EPCIS, topics.payments(), CanonicalEvents.PAYMENT, topics.movements(), CanonicalEvents.STOCK_MOVEMENT);
        LakeBatches batches = new LakeBatches(types, new ParquetFiles(lake, JSON), withLedger, pseudonyms, JSON, Clock.systemUTC(),
                new SimpleMeterRegistry());
        LakeExporter exporter = new LakeExporter(types.keySet(), Map.of("bootstrap.servers", kafka.getBrokersAsString()), 1000, batches,
                withLedger, upload, new org.retailhub.domain.cluster.LeaderLock("retail-hub data lake exporter", () -> java.sql.DriverManager.getConnection(
                        ((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getJdbcUrl(), "postgres", "postgres")), Duration.ofSeconds(1));
        exporters.add(exporter);
        return exporter;
    }

    /** Runs rounds until the exporter has put {@code rows} rows into the lake (a round may find nothing yet). */
    private static void exportUntil(LakeExporter exporter, int rows) {
        int exported = 0;
        Instant giveUp = Instant.now().plusSeconds(60);
        while (exported < rows && Instant.now().isBefore(giveUp)) {
            exported += exporter.exportRound();
        }
        assertThat(exported).as("rows exported").isEqualTo(rows);
    }

    private List<Path> parquetFiles() throws Exception {
        try (Stream<Path> files = Files.walk(lake)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).toList();
        }
    }

    /** Sends the event as JSON; a string is sent as it is. */
    private static void send(String topic, Object event) throws Exception {
        String value = event instanceof String text ? text : JSON.writeValueAsString(event);
        producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value)).get();
    }

    private static OrderEvent order(Instant at, OrderStatus status) {
        return new OrderEvent("Order" + status, UUID.randomUUID(), "WEB", "W-1", "HUB-1", status, null, new BigDecimal("19.90"), "EUR", at);
    }

    /** An ObjectEvent as the hub's RFID routes write it (JSON-LD, local time with its offset). */
    private static ObjectNode epcisEvent(String time, String bizStep, String bizLocation, String... epcs) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("@context").add("https://ref.gs1.org/standards/epcis/epcis-context.jsonld");
        event.put("type", "ObjectEvent");
        event.put("eventID", "urn:uuid:" + UUID.randomUUID());
        event.put("eventTime", time);
        event.putArray("epcList").addAll(Stream.of(epcs).map(JSON.getNodeFactory()::textNode).toList());
        event.put("action", "OBSERVE");
        event.put("bizStep", bizStep);
        event.putObject("readPoint").put("id", "urn:epc:id:sgln:4012345.00001.DOCK");
        if (bizLocation != null) {
            event.putObject("bizLocation").put("id", bizLocation);
        }
        return event;
    }

    private static Interaction behaviour(String customer, Instant at) {
        return new Interaction(customer, "SKU-0001", "Toys", InteractionKind.VIEW, "STORE-001", 1, BigDecimal.ZERO, at);
    }

    private static List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); ResultSet rs = duck.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
