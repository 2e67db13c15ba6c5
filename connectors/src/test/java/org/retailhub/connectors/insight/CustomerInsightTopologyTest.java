package org.retailhub.connectors.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.DecayingScore;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.InteractionKind;
import org.retailhub.domain.insight.ItemNeighbours;
import org.retailhub.domain.insight.ItemPopularity;
import org.retailhub.domain.insight.Recommendation;
import org.retailhub.domain.insight.Recommender;

/** The insight topology on Kafka Streams' test driver: what the stores hold after a few customers' behaviour. */
class CustomerInsightTopologyTest {

    private static final String TOPIC = "behaviour.accepted";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final InsightModel MODEL = InsightModel.standard();
    private static final Duration REDELIVERY = Duration.ofDays(7);
    private static final String MOVEMENTS = "stock.movements";

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> accepted;
    private TestInputTopic<String, String> movements;
    private final AtomicInteger unreadableMovements = new AtomicInteger();

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "insight-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        TillSaleSource tillSales = new TillSaleSource(MOVEMENTS, Duration.ofHours(1), unreadableMovements::incrementAndGet);
        driver = new TopologyTestDriver(CustomerInsightTopology.build(TOPIC, "insight-test", Optional.of(tillSales), MODEL, REDELIVERY, json), config);
        accepted = driver.createInputTopic(TOPIC, new StringSerializer(), new StringSerializer());
        movements = driver.createInputTopic(MOVEMENTS, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void purchasesMakeTheCustomersRfmFiguresAndPreferredCategory() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.VIEW, T0);
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(60), "49.90");
        send("CU100001", "SKU-0002", "GARDEN", InteractionKind.PURCHASE, T0.plusSeconds(120), "10.10");

        CustomerProfile profile = profiles().get("CU100001");
        assertThat(profile.purchases()).isEqualTo(2);
        assertThat(profile.spend()).isEqualByComparingTo("60.00");
        assertThat(profile.lastPurchase()).isEqualTo(T0.plusSeconds(120));
        assertThat(profile.storeId()).isEqualTo("STORE-001");
        assertThat(profile.bought()).extracting(item -> item.sku()).containsExactly("SKU-0002", "SKU-0001");
        // a view and a purchase of electronics outweigh one purchase in the garden
        assertThat(profile.categories().get("ELECTRONICS").value()).isGreaterThan(profile.categories().get("GARDEN").value());
    }

    @Test
    void articlesBoughtTogetherBecomeNeighboursInBothDirectionsAndPopular() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0);
        send("CU100001", "SKU-0002", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(30));
        send("CU100002", "SKU-0001", "ELECTRONICS", InteractionKind.VIEW, T0.plusSeconds(40));

        assertThat(neighbours().get("SKU-0001").neighbours()).containsOnlyKeys("SKU-0002");
        assertThat(neighbours().get("SKU-0002").neighbours()).containsOnlyKeys("SKU-0001");
        ItemPopularity first = popularity().get("SKU-0001");
        assertThat(first.category()).isEqualTo("ELECTRONICS");
        assertThat(first.interest().at(T0.plusSeconds(40), MODEL.halfLife())).isGreaterThan(
                popularity().get("SKU-0002").interest().at(T0.plusSeconds(40), MODEL.halfLife()));
    }

    @Test
    void everyInstanceReadsTheSameFiguresAsThePartitionsSummed() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0);
        send("CU100001", "SKU-0002", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(30));
        send("CU100002", "SKU-0003", "GARDEN", InteractionKind.VIEW, T0.plusSeconds(40));

        KeyValueStore<String, ItemNeighbours> summed = driver.getKeyValueStore(CustomerInsightTopology.NEIGHBOURS);
        KeyValueStore<String, ItemPopularity> counted = driver.getKeyValueStore(CustomerInsightTopology.POPULARITY);
        assertThat(neighbours().get("SKU-0001")).isEqualTo(summed.get("SKU-0001")).isNotNull();
        assertThat(neighbours().get("SKU-0002")).isEqualTo(summed.get("SKU-0002")).isNotNull();
        assertThat(allPopularity()).hasSize(3).containsExactlyInAnyOrder(counted.get("SKU-0001"), counted.get("SKU-0002"),
                counted.get("SKU-0003"));
    }

    @Test
    void eachSumsLatestFigureGoesToTheCompactedTopicKeyedByArticle() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0);
        send("CU100001", "SKU-0002", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(30));

        var popular = driver.createOutputTopic(CustomerInsightTopology.popularityTopic("insight-test"), new StringDeserializer(),
                JsonSerde.of(ItemPopularity.class, JsonSerde.forOwnRecords(json)).deserializer()).readKeyValuesToMap();
        var together = driver.createOutputTopic(CustomerInsightTopology.neighboursTopic("insight-test"), new StringDeserializer(),
                JsonSerde.of(ItemNeighbours.class, JsonSerde.forOwnRecords(json)).deserializer()).readKeyValuesToMap();
        assertThat(popular).containsOnlyKeys("SKU-0001", "SKU-0002");
        assertThat(popular.get("SKU-0002")).isEqualTo(driver.<String, ItemPopularity>getKeyValueStore(CustomerInsightTopology.POPULARITY)
                .get("SKU-0002"));
        assertThat(together).containsOnlyKeys("SKU-0001", "SKU-0002");
        assertThat(together.get("SKU-0001").neighbours()).containsOnlyKeys("SKU-0002");
    }

    @Test
    void articlesAnotherInstanceSumsAreRankedHereToo() {
        // another instance holds SKU-0009's partition: its figures arrive only through the compacted topics
        ObjectMapper own = JsonSerde.forOwnRecords(json);
        driver.createInputTopic(CustomerInsightTopology.popularityTopic("insight-test"), new StringSerializer(),
                        JsonSerde.of(ItemPopularity.class, own).serializer())
                .pipeInput("SKU-0009", new ItemPopularity("SKU-0009", "GARDEN", DecayingScore.of(50, T0)), T0);
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.VIEW, T0.plusSeconds(10));

        List<Recommendation> answer = recommend("CU999999", Set.of("SKU-0001", "SKU-0009"), T0.plusSeconds(20));

        assertThat(answer).extracting(Recommendation::sku).containsExactly("SKU-0009", "SKU-0001");
        assertThat(popularity().get("SKU-0009").category()).isEqualTo("GARDEN");
    }

    @Test
    void aRemovalFromTheCartForgetsTheArticleAndAddsNoEvidence() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.ADD_TO_CART, T0);
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.REMOVE_FROM_CART, T0.plusSeconds(5));
        send("CU100001", "SKU-0002", "ELECTRONICS", InteractionKind.VIEW, T0.plusSeconds(10));

        assertThat(profiles().get("CU100001").recent()).extracting(item -> item.sku()).containsExactly("SKU-0002");
        assertThat(neighbours().get("SKU-0002")).isNull();
    }

    @Test
    void aRecentCoOccurrenceOutweighsAnOldOneOfTheSameStrength() {
        Instant old = T0.minus(Duration.ofDays(60));
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, old);
        send("CU100001", "SKU-0003", "ELECTRONICS", InteractionKind.PURCHASE, old.plusSeconds(10));
        send("CU100002", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0);
        send("CU100002", "SKU-0004", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(10));
        send("CU100003", "SKU-0001", "ELECTRONICS", InteractionKind.VIEW, T0.plusSeconds(20));

        List<Recommendation> answer = recommend("CU100003", Set.of("SKU-0001", "SKU-0003", "SKU-0004"), T0.plusSeconds(30));

        assertThat(answer).extracting(Recommendation::sku).startsWith("SKU-0004", "SKU-0003");
        assertThat(answer.get(0).basis()).isEqualTo(Recommendation.Basis.CO_OCCURRENCE);
    }

    @Test
    void whatTheCustomerJustBoughtAndWhatIsNotOnTheShelfIsNeverRecommended() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0);
        send("CU100001", "SKU-0002", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(10));
        send("CU100001", "SKU-0005", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(20));
        send("CU100002", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(30));

        List<Recommendation> answer = recommend("CU100002", Set.of("SKU-0001", "SKU-0002"), T0.plusSeconds(40));

        assertThat(answer).extracting(Recommendation::sku).containsExactly("SKU-0002");
    }

    @Test
    void aCustomerTheStreamNeverSawGetsThePopularArticles() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0);
        send("CU100002", "SKU-0001", "ELECTRONICS", InteractionKind.VIEW, T0.plusSeconds(10));
        send("CU100002", "SKU-0002", "ELECTRONICS", InteractionKind.VIEW, T0.plusSeconds(20));

        List<Recommendation> answer = recommend("CU999999", Set.of("SKU-0001", "SKU-0002"), T0.plusSeconds(30));

        assertThat(answer).extracting(Recommendation::sku).containsExactly("SKU-0001", "SKU-0002");
        assertThat(answer).allMatch(r -> r.basis() == Recommendation.Basis.POPULARITY);
    }

    @Test
    void anErasedCustomersTombstoneDropsTheirProfileSoTheyGetThePopularArticlesAgain() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0);
        send("CU100001", "SKU-0002", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(10));
        send("CU100002", "SKU-0003", "ELECTRONICS", InteractionKind.VIEW, T0.plusSeconds(20));
        assertThat(recommend("CU100001", Set.of("SKU-0001", "SKU-0002", "SKU-0003"), T0.plusSeconds(30)))
                .as("what they just bought is left out").extracting(Recommendation::sku).containsExactly("SKU-0003");

        accepted.pipeInput("CU100001", null, T0.plusSeconds(40));

        assertThat(profiles().get("CU100001")).isNull();
        assertThat(profiles().get("CU100002")).as("the others stay").isNotNull();
        List<Recommendation> answer = recommend("CU100001", Set.of("SKU-0001", "SKU-0002", "SKU-0003"), T0.plusSeconds(50));
        assertThat(answer).extracting(Recommendation::sku).containsExactlyInAnyOrder("SKU-0001", "SKU-0002", "SKU-0003");
        assertThat(answer).allMatch(r -> r.basis() == Recommendation.Basis.POPULARITY);
    }

    @Test
    void aPaidOrderDeliveredAgainCountsItsLinesOnce() throws Exception {
        Interaction line1 = purchaseOf("CU100001", "SKU-0001", "49.90", "3f2a0c1e-0000-4000-8000-000000000001/1");
        Interaction line2 = purchaseOf("CU100001", "SKU-0002", "10.10", "3f2a0c1e-0000-4000-8000-000000000001/2");
        for (Interaction line : List.of(line1, line2)) {
            accepted.pipeInput("CU100001", json.writeValueAsString(line), T0);
        }
        // the outbox relay sends the same OrderPaid again an hour later: the same lines, the same order
        for (Interaction line : List.of(line1, line2)) {
            accepted.pipeInput("CU100001", json.writeValueAsString(line), T0.plus(Duration.ofHours(1)));
        }
        // a beacon purchase of the same article is no order line: it counts
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0.plus(Duration.ofHours(2)), "49.90");

        CustomerProfile profile = profiles().get("CU100001");
        assertThat(profile.purchases()).isEqualTo(3);
        assertThat(profile.spend()).isEqualByComparingTo("109.90");
        assertThat(profile.bought()).extracting(item -> item.sku()).containsExactly("SKU-0001", "SKU-0002", "SKU-0001");
        assertThat(neighbours().get("SKU-0002").neighbours().get("SKU-0001").value())
                .as("the pair counted by the order once, then by the beacon's purchase").isEqualTo(
                        5.0 + 5.0 * Math.pow(0.5, Duration.ofHours(2).toMillis() / (double) MODEL.halfLife().toMillis()), within(1e-9));
    }

    @Test
    void anUnreadableRecordIsSkippedAndTheStreamGoesOn() {
        accepted.pipeInput("CU100001", "{not json", T0);
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.PURCHASE, T0.plusSeconds(1));

        assertThat(profiles().get("CU100001").purchases()).isEqualTo(1);
    }

    @Test
    void tillSalesMakeAnArticlePopularByThePiecesSoldAndKeepItsCategory() {
        send("CU100001", "SKU-0001", "ELECTRONICS", InteractionKind.VIEW, T0);
        sold("POS-11-3-777-1", "SKU-0001", 3, T0.plusSeconds(10));
        sold("POS-12-1-900-1", "SKU-0002", 1, T0.plusSeconds(10));

        ItemPopularity first = popularity().get("SKU-0001");
        assertThat(first.interest().at(T0.plusSeconds(10), MODEL.halfLife()))
                .as("a view, then three pieces at purchase weight").isCloseTo(1.0 * Math.pow(0.5, 10_000.0 / MODEL.halfLife().toMillis()) + 15.0, within(1e-9));
        assertThat(first.category()).as("the category a customer's interaction brought stays").isEqualTo("ELECTRONICS");
        assertThat(popularity().get("SKU-0002").interest().value()).isEqualTo(5.0);
        assertThat(profiles().approximateNumEntries()).as("a till sale names no customer").isEqualTo(1);
        List<Recommendation> answer = recommend("CU999999", Set.of("SKU-0001", "SKU-0002"), T0.plusSeconds(20));
        assertThat(answer).extracting(Recommendation::sku).containsExactly("SKU-0001", "SKU-0002");
    }

    @Test
    void theArticlesOfOneReceiptBecomeNeighboursAndThoseOfOtherReceiptsDoNot() {
        sold("POS-11-3-777-1", "SKU-0001", 1, T0);
        sold("POS-11-3-777-2", "SKU-0002", 2, T0.plusSeconds(5));
        sold("POS-11-3-777-3", "SKU-0002", 1, T0.plusSeconds(6));
        sold("POS-11-4-777-1", "SKU-0003", 1, T0.plusSeconds(7));
        sold("POS-11-3-778-1", "SKU-0004", 1, T0.plusSeconds(8));

        assertThat(neighbours().get("SKU-0001").neighbours()).containsOnlyKeys("SKU-0002");
        assertThat(neighbours().get("SKU-0002").neighbours()).containsOnlyKeys("SKU-0001");
        assertThat(neighbours().get("SKU-0002").neighbours().get("SKU-0001").value())
                .as("paired once per article of the receipt, at purchase weight").isEqualTo(5.0);
        assertThat(neighbours().get("SKU-0003")).as("the same receipt number at another till").isNull();
        assertThat(neighbours().get("SKU-0004")).as("the next receipt").isNull();
    }

    @Test
    void aReceiptNumberComingRoundAgainAfterTheReceiptSpanPairsNothing() {
        sold("POS-11-3-777-1", "SKU-0001", 1, T0);
        sold("POS-11-3-777-1", "SKU-0001", 1, T0.plus(Duration.ofDays(2)));
        sold("POS-11-3-777-2", "SKU-0002", 1, T0.plus(Duration.ofDays(2)));

        assertThat(neighbours().get("SKU-0002")).isNull();
    }

    @Test
    void aTillSaleLineRelayedAgainCountsOnce() {
        sold("POS-11-3-777-1", "SKU-0001", 2, T0);
        sold("POS-11-3-777-2", "SKU-0002", 1, T0.plusSeconds(5));
        // the outbox relays both lines again (at least once): the same references, the same times
        sold("POS-11-3-777-1", "SKU-0001", 2, T0);
        sold("POS-11-3-777-2", "SKU-0002", 1, T0.plusSeconds(5));

        assertThat(popularity().get("SKU-0001").interest().at(T0.plusSeconds(5), MODEL.halfLife()))
                .isCloseTo(10.0 * Math.pow(0.5, 5_000.0 / MODEL.halfLife().toMillis()), within(1e-9));
        assertThat(popularity().get("SKU-0002").interest().value()).isEqualTo(5.0);
        assertThat(neighbours().get("SKU-0001").neighbours().get("SKU-0002").value()).isEqualTo(5.0);
    }

    @Test
    void stockMovementsOtherThanTillSalesAreIgnoredAndAnUnreadableOneIsCountedAndSkipped() {
        movements.pipeInput("STORE-011/SKU-0001", movement("ORDER-1/1/issue", "SKU-0001", -1, "ORDER_ISSUE", T0), T0);
        movements.pipeInput("STORE-011/SKU-0001", movement("count/7/SKU-0001", "SKU-0001", 4, "COUNT_CORRECTION", T0), T0);
        movements.pipeInput("STORE-011/SKU-0001", movement("next/1", "SKU-0001", 4, "A_KIND_ADDED_LATER", T0), T0);
        movements.pipeInput("STORE-011/SKU-0001", "{not json", T0);
        movements.pipeInput("STORE-011/SKU-0001", "{\"reference\":\"POS-11-3-1-1\",\"kind\":\"TILL_SALE\",\"quantity\":-1}", T0);
        sold("POS-11-3-777-1", "SKU-0002", 1, T0.plusSeconds(1));

        assertThat(popularity().get("SKU-0001")).isNull();
        assertThat(popularity().get("SKU-0002").interest().value()).as("the stream went on").isEqualTo(5.0);
        assertThat(unreadableMovements).hasValue(2);
    }

    private void sold(String receiptLine, String sku, int pieces, Instant at) {
        movements.pipeInput("STORE-011/" + sku, movement(receiptLine, sku, -pieces, "TILL_SALE", at), at);
    }

    /** A stock movement as the outbox publishes it (the hub's JSON: instants as ISO-8601 text). */
    private static String movement(String reference, String sku, int quantity, String kind, Instant at) {
        return """
                {"sku": "%s", "kind": "%s", "storeId": "STORE-011", "quantity": %d, "reference": "%s", "occurredAt": "%s"}"""
                .formatted(sku, kind, quantity, reference, at);
    }

    private List<Recommendation> recommend(String customer, Set<String> onShelf, Instant now) {
        return new Recommender(MODEL).recommend(profiles().get(customer), sku -> Optional.ofNullable(neighbours().get(sku)),
                allPopularity(), onShelf::contains, 10, now);
    }

    private List<ItemPopularity> allPopularity() {
        List<ItemPopularity> all = new java.util.ArrayList<>();
        try (var items = popularity().all()) {
            items.forEachRemaining(item -> all.add(item.value));
        }
        return all;
    }

    private static Interaction purchaseOf(String customer, String sku, String value, String orderLine) {
        return new Interaction(customer, sku, "ELECTRONICS", InteractionKind.PURCHASE, "WEB-DC", 1, new BigDecimal(value), T0, orderLine);
    }

    private void send(String customer, String sku, String category, InteractionKind kind, Instant at) {
        send(customer, sku, category, kind, at, "0");
    }

    private void send(String customer, String sku, String category, InteractionKind kind, Instant at, String value) {
        try {
            accepted.pipeInput(customer, json.writeValueAsString(
                    new Interaction(customer, sku, category, kind, "STORE-001", 1, new BigDecimal(value), at)), at);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyValueStore<String, CustomerProfile> profiles() {
        return driver.getKeyValueStore(CustomerInsightTopology.PROFILES);
    }

    /** What the queries read: the global store every instance keeps, fed by the partitions' sums. */
    private KeyValueStore<String, ItemNeighbours> neighbours() {
        return driver.getKeyValueStore(CustomerInsightTopology.ALL_NEIGHBOURS);
    }

    private KeyValueStore<String, ItemPopularity> popularity() {
        return driver.getKeyValueStore(CustomerInsightTopology.ALL_POPULARITY);
    }
}
