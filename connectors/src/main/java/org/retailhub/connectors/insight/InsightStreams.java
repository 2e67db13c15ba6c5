package org.retailhub.connectors.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.ItemNeighbours;
import org.retailhub.domain.insight.ItemPopularity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the customer-insight topology inside the hub and answers {@link CustomerInsight} from its state stores
 * (interactive queries). Started last and asynchronously: the hub's start does not wait for the stores to restore.
 * While the stream is not running (starting, rebalancing) a query is {@link CustomerInsight.InsightUnavailableException}.
 */
public class InsightStreams implements SmartLifecycle, CustomerInsight {

    private static final Logger log = LoggerFactory.getLogger(InsightStreams.class);

    private final Topology topology;
    private final Properties config;
    private volatile KafkaStreams streams;

    public InsightStreams(Topology topology, Properties config) {
        this.topology = topology;
        this.config = config;
    }

    @Override
    public void start() {
        KafkaStreams started = new KafkaStreams(topology, config);
        started.setUncaughtExceptionHandler(failure -> {
            log.error("Customer insight stream thread failed, replacing it: {}", failure.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        started.start();
        streams = started;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        streams = null;
        if (running != null) {
            running.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** After the web server and the intake: the stream is no prerequisite of anything else. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** The stream's state, e.g. RUNNING or REBALANCING (for health and tests). */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }

    @Override
    public Optional<CustomerProfile> profile(String customerId) {
        return Optional.ofNullable(this.<CustomerProfile>store(CustomerInsightTopology.PROFILES).get(customerId));
    }

    @Override
    public Optional<ItemNeighbours> neighbours(String sku) {
        return Optional.ofNullable(this.<ItemNeighbours>store(CustomerInsightTopology.NEIGHBOURS).get(sku));
    }

    @Override
    public List<ItemPopularity> popularity() {
        List<ItemPopularity> all = new ArrayList<>();
        try (KeyValueIterator<String, ItemPopularity> items = this.<ItemPopularity>store(CustomerInsightTopology.POPULARITY).all()) {
            items.forEachRemaining((KeyValue<String, ItemPopularity> item) -> all.add(item.value));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
        return all;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams running = streams;
        if (running == null) {
            throw new InsightUnavailableException("the customer insight stream is not running", null);
        }
        try {
            return running.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private static InsightUnavailableException unavailable(InvalidStateStoreException e) {
        return new InsightUnavailableException("the customer insight stream is not ready yet: " + e.getMessage(), e);
    }
}
