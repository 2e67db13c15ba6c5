package org.retailhub.connectors.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.retailhub.domain.insight.CoOccurrence;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.ItemNeighbours;
import org.retailhub.domain.insight.ItemPopularity;
import org.retailhub.domain.inventory.StockMovement;

/**
 * The customer-insight topology: accepted interactions (keyed by golden customer id) update each customer's profile;
 * the evidence they add is re-keyed by article (one repartition) and summed into each article's co-occurring
 * articles and its popularity, all with time decay. Till sales (stock movements, no customer) add to the articles'
 * side only. Each instance sums the articles of its partitions and publishes their latest figures to a compacted topic
 * that every instance reads into a global store, so any instance ranks with every article's neighbours and popularity.
 * Queried: the profiles and the two global stores; the maths is the domain's.
 */
public final class CustomerInsightTopology {

    /** customer id → {@link CustomerProfile} */
    public static final String PROFILES = "customer-profiles";
    /** sku → {@link ItemNeighbours} */
    public static final String NEIGHBOURS = "item-neighbours";
    /** sku → {@link ItemPopularity} */
    public static final String POPULARITY = "item-popularity";
    /** sku → {@link ItemNeighbours}, every article's, on every instance (a global store of {@link #neighboursTopic}) */
    public static final String ALL_NEIGHBOURS = "all-item-neighbours";
    /** sku → {@link ItemPopularity}, every article's, on every instance (a global store of {@link #popularityTopic}) */
    public static final String ALL_POPULARITY = "all-item-popularity";
    /** order line ({@code <order id>/<line no>}) → when it was counted, for {@code redelivery} (not queried) */
    static final String COUNTED_ORDER_LINES = "counted-order-lines";
    /** receipt ({@code POS-<store>-<till>-<receipt>}) → its till sale lines seen, for {@code redelivery} (not queried) */
    static final String TILL_RECEIPT_LINES = "till-receipt-lines";

    private CustomerInsightTopology() {
    }

    /** The compacted topic carrying every article's latest neighbours from the instance that sums them to all instances. */
    public static String neighboursTopic(String applicationId) {
        return applicationId + "-" + ALL_NEIGHBOURS;
    }

    /** The compacted topic carrying every article's latest popularity to all instances. */
    public static String popularityTopic(String applicationId) {
        return applicationId + "-" + ALL_POPULARITY;
    }

    /**
     * The topology reading {@code acceptedTopic}; a purchase from an order line already counted within
     * {@code redelivery} (the outbox relays at least once) counts nothing.
     */
    public static Topology build(String acceptedTopic, String applicationId, InsightModel model, Duration redelivery, ObjectMapper json) {
        return build(acceptedTopic, applicationId, Optional.empty(), model, redelivery, json);
    }

    /**
     * The topology reading {@code acceptedTopic} and, if given, the till sales among the stock movements: re-keyed by
     * receipt (one repartition), they add the evidence of purchases to the articles' stores (no profile: a till sale
     * names no customer); a line relayed again within {@code redelivery} counts nothing.
     */
    public static Topology build(String acceptedTopic, String applicationId, Optional<TillSaleSource> tillSales, InsightModel model,
                                 Duration redelivery, ObjectMapper json) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<String> sku = Serdes.String();
        ObjectMapper own = JsonSerde.forOwnRecords(json);
        Serde<CoOccurrence> evidenceSerde = JsonSerde.of(CoOccurrence.class, own);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILES), Serdes.String(),
                JsonSerde.of(CustomerProfile.class, own)));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(COUNTED_ORDER_LINES, redelivery, redelivery, false),
                Serdes.String(), Serdes.Long()));
        KStream<String, CoOccurrence> customers = builder
                .stream(acceptedTopic, Consumed.with(Serdes.String(), JsonSerde.of(Interaction.class, json)).withName("accepted-interactions"))
                .process(() -> new ProfileKeeper(model, redelivery), PROFILES, COUNTED_ORDER_LINES);
        KStream<String, CoOccurrence> evidence = tillSales
                .map(till -> customers.merge(tillEvidence(builder, till, redelivery, json, own), Named.as("customer-and-till-evidence")))
                .orElse(customers)
                .repartition(Repartitioned.with(sku, evidenceSerde).withName("item-evidence"));
        Serde<ItemPopularity> popularitySerde = JsonSerde.of(ItemPopularity.class, own);
        evidence.filter((item, e) -> e.isPopularity())
                .groupByKey(Grouped.with(sku, evidenceSerde))
                .aggregate(ItemPopularity::none, (item, e, popularity) -> popularity.with(e, model),
                        Materialized.<String, ItemPopularity, KeyValueStore<Bytes, byte[]>>as(POPULARITY)
                                .withKeySerde(sku).withValueSerde(popularitySerde))
                .toStream().to(popularityTopic(applicationId), Produced.with(sku, popularitySerde));
        Serde<ItemNeighbours> neighboursSerde = JsonSerde.of(ItemNeighbours.class, own);
        evidence.filterNot((item, e) -> e.isPopularity())
                .groupByKey(Grouped.with(sku, evidenceSerde))
                .aggregate(ItemNeighbours::none, (item, e, neighbours) -> neighbours.with(e, model),
                        Materialized.<String, ItemNeighbours, KeyValueStore<Bytes, byte[]>>as(NEIGHBOURS)
                                .withKeySerde(sku).withValueSerde(neighboursSerde))
                .toStream().to(neighboursTopic(applicationId), Produced.with(sku, neighboursSerde));
        // each instance sums the articles of its partitions; a customer's answer needs all articles' figures
        builder.globalTable(popularityTopic(applicationId), Consumed.with(sku, popularitySerde).withName("all-popularity"),
                Materialized.<String, ItemPopularity, KeyValueStore<Bytes, byte[]>>as(ALL_POPULARITY));
        builder.globalTable(neighboursTopic(applicationId), Consumed.with(sku, neighboursSerde).withName("all-neighbours"),
                Materialized.<String, ItemNeighbours, KeyValueStore<Bytes, byte[]>>as(ALL_NEIGHBOURS));
        return builder.build();
    }

    /** Till sale lines keyed by receipt (one repartition, so that a receipt's lines meet), then their evidence by article. */
    private static KStream<String, CoOccurrence> tillEvidence(StreamsBuilder builder, TillSaleSource till, Duration redelivery,
                                                              ObjectMapper json, ObjectMapper own) {
        Serde<StockMovement> lineSerde = JsonSerde.of(StockMovement.class, own);
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(TILL_RECEIPT_LINES, redelivery, redelivery, true),
                Serdes.String(), lineSerde));
        return builder.stream(till.topic(), Consumed.with(Serdes.String(), Serdes.String()).withName("stock-movements"))
                .process(() -> new TillSaleReader(json, till.unreadable()), Named.as("till-sales"))
                .repartition(Repartitioned.with(Serdes.String(), lineSerde).withName("till-receipts"))
                .process(() -> new TillReceipts(redelivery, till.receiptSpan()), Named.as("till-receipt-evidence"), TILL_RECEIPT_LINES);
    }
}
