package org.retailhub.connectors.insight;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted topics behind the global article stores ({@link CustomerInsightTopology#neighboursTopic},
 * {@link CustomerInsightTopology#popularityTopic}). Kafka Streams creates its internal topics, not those it writes for
 * others to read, and a global store's consumer fails the stream's start if its topic has no partitions yet. A topic
 * just created is not at once in every broker's metadata, so this waits until both the admin client and a consumer see
 * every partition with a leader.
 */
final class ArticleTopics {

    private static final Logger log = LoggerFactory.getLogger(ArticleTopics.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration ONE_QUESTION = Duration.ofSeconds(2);
    private static final Duration CLOSE = Duration.ofSeconds(1);

    private final List<String> names;
    private final Properties config;

    ArticleTopics(Properties streamsConfig) {
        String application = streamsConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.names = List.of(CustomerInsightTopology.neighboursTopic(application), CustomerInsightTopology.popularityTopic(application));
        this.config = streamsConfig;
    }

    /**
     * Creates the topics that are missing and returns once both are visible with all their partitions.
     *
     * @throws IllegalStateException when they are not visible within {@code patience} (the broker is slow or away)
     */
    void awaitVisible(String clientId, Duration patience) throws InterruptedException {
        Deadline deadline = Deadline.in(patience);
        StreamsConfig streams = new StreamsConfig(config);
        String ownClientId = clientId + "-article-topics";
        Map<String, Object> consumerConfig = new HashMap<>(streams.getGlobalConsumerConfigs(ownClientId));
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        Admin admin = Admin.create(streams.getAdminConfigs(ownClientId));
        Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            create(admin, deadline);
            Set<String> unseen = new TreeSet<>(names);
            while (true) {
                Duration ask = deadline.left().compareTo(ONE_QUESTION) < 0 ? deadline.left().plus(POLL) : ONE_QUESTION;
                unseen.removeIf(topic -> seenByAdmin(admin, topic, ask) && seenByConsumer(consumer, topic, ask));
                if (unseen.isEmpty()) {
                    return;
                }
                if (deadline.passed()) {
                    throw new IllegalStateException("topics " + unseen + " not visible on the broker within " + patience);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            throw new InterruptedException("stopped while waiting for the article topics");
        } finally {
            // closing on an interrupted thread may leave the admin client's thread behind; calls still waiting for an
            // absent broker are given up, not waited for
            boolean interrupted = Thread.interrupted();
            admin.close(CLOSE);
            consumer.close(CLOSE);
            StreamsShutdown.awaitEnded(() -> true, ownClientId, Deadline.in(CLOSE));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A creation that fails is only logged: ops may have created the topics (and give the hub no right to). */
    private void create(Admin admin, Deadline deadline) throws InterruptedException {
        Object replication = config.get(StreamsConfig.REPLICATION_FACTOR_CONFIG);
        Optional<Short> replicas = replication == null || Integer.parseInt(replication.toString()) < 1
                ? Optional.empty() : Optional.of(Short.parseShort(replication.toString()));
        List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, Optional.of(1), replicas)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))).toList();
        for (var created : admin.createTopics(topics).values().entrySet()) {
            try {
                created.getValue().get(deadline.left().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    log.warn("Customer insight could not create topic {}: {}", created.getKey(), e.getCause().toString());
                }
            } catch (TimeoutException e) {
                log.warn("Customer insight: creating topic {} took too long", created.getKey());
            }
        }
    }

    private static boolean seenByAdmin(Admin admin, String topic, Duration ask) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ask.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return !description.partitions().isEmpty() && description.partitions().stream().allMatch(p -> p.leader() != null);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }

    private static boolean seenByConsumer(Consumer<byte[], byte[]> consumer, String topic, Duration ask) {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, ask);
            return !partitions.isEmpty() && partitions.stream().allMatch(p -> p.leader() != null);
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            return false;
        }
    }
}
