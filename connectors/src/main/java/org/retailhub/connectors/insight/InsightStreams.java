package org.retailhub.connectors.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * (interactive queries). Started last and in the background: the hub's start waits neither for the article topics
 * ({@link ArticleTopics}) nor for the stores to restore, and a start that fails (broker slow or away) is logged and
 * tried again with back-off; it never fails the hub's start. While the stream is not running (starting, rebalancing,
 * waiting to try again) a query is {@link CustomerInsight.InsightUnavailableException}.
 * Stopped first when the context closes (or its start fails), before the beans that own the broker are destroyed;
 * stopping cancels the attempts, waits at most {@code closeTimeout} for every thread of the stream (the global store's
 * and the close thread too) and says so if they did not end in time.
 * With {@code application.server} set (this instance's HTTP address), instances sharing the application id know who
 * holds which customer, and a question about a customer another instance holds is asked there ({@link InsightPeers}).
 */
public class InsightStreams implements SmartLifecycle, CustomerInsight, InsightPeers {

    private static final Logger log = LoggerFactory.getLogger(InsightStreams.class);
    private static final Duration TOPIC_PATIENCE = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);

    private final Topology topology;
    private final Properties config;
    private final Duration topicPatience;
    private final Duration closeTimeout;
    private final String applicationId;
    private final String clientIdPrefix;
    private final ArticleTopics articleTopics;
    private final Object lifecycle = new Object();
    private final Map<KafkaStreams, String> clientIds = new ConcurrentHashMap<>();
    private volatile boolean running;
    private ScheduledExecutorService starter;
    private final Map<String, ReadOnlyKeyValueStore<String, ?>> stores = new ConcurrentHashMap<>();
    private final HostInfo self;
    private final HolderRequests holders = new HolderRequests();
    private volatile KafkaStreams streams;

    public InsightStreams(Topology topology, Properties config, Duration closeTimeout) {
        this(topology, config, TOPIC_PATIENCE, closeTimeout);
    }

    /** With {@code topicPatience}: how long one attempt to start waits for the article topics to be visible. */
    InsightStreams(Topology topology, Properties config, Duration topicPatience, Duration closeTimeout) {
        this.topicPatience = topicPatience;
        this.topology = topology;
        this.config = config;
        this.closeTimeout = closeTimeout;
        this.applicationId = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.clientIdPrefix = config.getProperty(StreamsConfig.CLIENT_ID_CONFIG, applicationId);
        this.articleTopics = new ArticleTopics(config);
        String server = config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "");
        this.self = server.isBlank() ? null : HostInfo.buildFromEndpoint(server);
    }

    /** Returns at once: the attempts to start run on their own thread, and their failures never fail the hub's start. */
    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            starter = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, applicationId + "-starter");
                thread.setDaemon(true);
                return thread;
            });
            starter.execute(() -> attempt(FIRST_RETRY));
        }
    }

    /**
     * One attempt to start the stream: the article topics first (created, and visible to a consumer), then Kafka Streams.
     * A failure is logged, the stream's threads are ended, and the next attempt comes after {@code retry} (doubling up
     * to {@link #LAST_RETRY}); meanwhile queries answer {@link InsightUnavailableException}.
     */
    private void attempt(Duration retry) {
        String clientId = clientIdPrefix + "-" + UUID.randomUUID();
        KafkaStreams created = null;
        try {
            articleTopics.awaitVisible(clientId, topicPatience);
            synchronized (lifecycle) {
                if (!running) {
                    return;
                }
                created = newStreams(clientId);
                streams = created;
            }
            created.start();
            log.info("Customer insight stream started ({})", clientId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (created == null || takeBack(created)) {
                log.error("Customer insight stream could not start, queries answer 503 meanwhile; next attempt in {}: {}", retry, e.toString());
                if (created != null) {
                    end(created, Deadline.in(closeTimeout));
                }
                retryAfter(retry);
            }
        }
    }

    private KafkaStreams newStreams(String clientId) {
        Properties withClientId = new Properties();
        withClientId.putAll(config);
        withClientId.put(StreamsConfig.CLIENT_ID_CONFIG, clientId);
        KafkaStreams created = new KafkaStreams(topology, withClientId);
        created.setUncaughtExceptionHandler(failure -> {
            log.error("Customer insight stream thread failed, replacing it: {}", failure.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((now, before) -> {
            stores.clear();
            if (now == KafkaStreams.State.ERROR) {
                // e.g. the global thread failed: nothing in Kafka Streams restarts it, so start afresh
                onStarter(() -> restart(created));
            }
        });
        clientIds.put(created, clientId);
        return created;
    }

    private void restart(KafkaStreams failed) {
        if (takeBack(failed)) {
            log.error("Customer insight stream failed ({}); queries answer 503 until it runs again", clientIds.get(failed));
            end(failed, Deadline.in(closeTimeout));
            attempt(FIRST_RETRY);
        }
    }

    /** Whether {@code candidate} was still the stream answering queries (then the caller ends it, else stop() does). */
    private boolean takeBack(KafkaStreams candidate) {
        synchronized (lifecycle) {
            if (!running || streams != candidate) {
                return false;
            }
            streams = null;
            stores.clear();
            return true;
        }
    }

    private void retryAfter(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        Duration next = doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
        synchronized (lifecycle) {
            if (running) {
                starter.schedule(() -> attempt(next), retry.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void onStarter(Runnable task) {
        synchronized (lifecycle) {
            if (running) {
                starter.execute(task);
            }
        }
    }

    /**
     * Ends the retries and the stream, and waits (at most {@code closeTimeout} in all) until every thread of it is gone,
     * the global store's and Kafka Streams' own close thread included, so nothing of it outlives the broker.
     */
    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        KafkaStreams current;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            stopping = starter;
            starter = null;
            current = streams;
            streams = null;
            stores.clear();
        }
        Deadline deadline = Deadline.in(closeTimeout);
        stopping.shutdownNow();
        if (current != null) {
            end(current, deadline);
        }
        try {
            if (!stopping.awaitTermination(deadline.left().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Customer insight's start attempts did not end within {}", closeTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void end(KafkaStreams ending, Deadline deadline) {
        List<String> alive = StreamsShutdown.end(ending, clientIds.remove(ending), deadline);
        if (!alive.isEmpty()) {
            log.warn("Customer insight stream did not close within {}; its threads end on their own: {}", closeTimeout, alive);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
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
