package org.retailhub.connectors.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.InsightPeers;
import org.retailhub.domain.insight.ItemNeighbours;
import org.retailhub.domain.insight.ItemPopularity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the customer-insight topology inside the hub and answers {@link CustomerInsight} from its state stores
 * (interactive queries). Started last and asynchronously: the hub's start does not wait for the stores to restore.
 * While the stream is not running (starting, rebalancing) a query is {@link CustomerInsight.InsightUnavailableException}.
 * Stopped first when the context closes (or its start fails), before the beans that own the broker are destroyed;
 * closing waits at most {@code closeTimeout} and says so if the stream's threads did not end in time.
 * With {@code application.server} set (this instance's HTTP address), instances sharing the application id know who
 * holds which customer, and a question about a customer another instance holds is asked there ({@link InsightPeers}).
 */
public class InsightStreams implements SmartLifecycle, CustomerInsight, InsightPeers {

    private static final Logger log = LoggerFactory.getLogger(InsightStreams.class);
    private static final Duration TOPIC_PATIENCE = Duration.ofSeconds(30);

    private final Topology topology;
    private final Properties config;
    private final Duration closeTimeout;
    private final Map<String, ReadOnlyKeyValueStore<String, ?>> stores = new ConcurrentHashMap<>();
    private final HostInfo self;
    private final HolderRequests holders = new HolderRequests();
    private volatile KafkaStreams streams;

    public InsightStreams(Topology topology, Properties config, Duration closeTimeout) {
        this.topology = topology;
        this.config = config;
        this.closeTimeout = closeTimeout;
        String server = config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "");
        this.self = server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
    }

    @Override
    public void start() {
        createTableTopics();
        KafkaStreams started = new KafkaStreams(topology, config);
        started.setUncaughtExceptionHandler(failure -> {
            log.error("Customer insight stream thread failed, replacing it: {}", failure.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        started.setStateListener((now, before) -> stores.clear());
        started.start();
        streams = started;
    }

    /**
     * The compacted topics behind the global stores, if they are not there yet: Kafka Streams creates its internal
     * topics, not those it writes for others to read, and a global store's topic must exist before the stream starts.
     */
    private void createTableTopics() {
        String application = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        Object replication = config.get(StreamsConfig.REPLICATION_FACTOR_CONFIG);
        Optional<Short> replicas = replication == null || Integer.parseInt(replication.toString()) < 1
                ? Optional.empty() : Optional.of(Short.parseShort(replication.toString()));
        List<NewTopic> topics = Stream.of(CustomerInsightTopology.neighboursTopic(application),
                        CustomerInsightTopology.popularityTopic(application)).map(name -> new NewTopic(name, Optional.of(1), replicas)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))).toList();
        try (Admin admin = Admin.create(new StreamsConfig(config).getAdminConfigs(application + "-tables"))) {
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(TOPIC_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        log.warn("Customer insight could not create topic {}: {}", created.getKey(), e.getCause().toString());
                    }
                }
            }
        } catch (TimeoutException e) {
            log.warn("Customer insight: creating its table topics took longer than {}", TOPIC_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        streams = null;
        stores.clear();
        if (running != null && !running.close(closeTimeout)) {
            log.warn("Customer insight stream did not close within {}; its threads end on their own", closeTimeout);
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
        return read(CustomerInsightTopology.PROFILES, customerId);
    }

    @Override
    public Optional<ItemNeighbours> neighbours(String sku) {
        return read(CustomerInsightTopology.ALL_NEIGHBOURS, sku);
    }

    /** Empty when this instance holds the customer, or does not route (no {@code application.server}). */
    @Override
    public Optional<PeerAnswer> askHolder(String customerId, String pathAndQuery, String authorization) {
        KafkaStreams running = streams;
        if (self == null) {
            return Optional.empty();
        }
        if (running == null) {
            throw new InsightUnavailableException("the customer insight stream is not running", null);
        }
        KeyQueryMetadata holder;
        try {
            holder = running.queryMetadataForKey(CustomerInsightTopology.PROFILES, customerId, Serdes.String().serializer());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new InsightUnavailableException("the customer insight stream is not ready yet: " + e.getMessage(), e);
        }
        if (holder == null || KeyQueryMetadata.NOT_AVAILABLE.equals(holder)) {
            throw new InsightUnavailableException("no instance holds the customer's partition yet (rebalancing)", null);
        }
        if (holder.activeHost().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(holders.ask(holder.activeHost(), pathAndQuery, authorization));
    }

    private <V> Optional<V> read(String store, String key) {
        try {
            return Optional.ofNullable(this.<V>store(store).get(key));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<ItemPopularity> popularity() {
        List<ItemPopularity> all = new ArrayList<>();
        try (KeyValueIterator<String, ItemPopularity> items = this.<ItemPopularity>store(CustomerInsightTopology.ALL_POPULARITY).all()) {
            items.forEachRemaining((KeyValue<String, ItemPopularity> item) -> all.add(item.value));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
        return all;
    }

    /** The store's query handle, kept until the stream's state changes (it looks the partitions' stores up itself). */
    @SuppressWarnings("unchecked")
    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        KafkaStreams running = streams;
        if (running == null) {
            throw new InsightUnavailableException("the customer insight stream is not running", null);
        }
        try {
            return (ReadOnlyKeyValueStore<String, V>) stores.computeIfAbsent(name,
                    store -> running.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private static InsightUnavailableException unavailable(InvalidStateStoreException e) {
        return new InsightUnavailableException("the customer insight stream is not ready yet: " + e.getMessage(), e);
    }
}
