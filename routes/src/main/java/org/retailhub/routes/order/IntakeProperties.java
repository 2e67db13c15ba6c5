package org.retailhub.routes.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.domain.shared.Channel;
import org.retailhub.routes.redelivery.Redelivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The channel intake on Kafka: the only place its topic names and consumer options are written down.
 *
 * @param webTopic          web shop orders (JSON)
 * @param appTopic          mobile app orders (JSON, same shape as the web shop's)
 * @param marketplaceTopic  marketplace orders (JSON, same shape)
 * @param posTopic          till sales in the POS record format
 * @param deadLetterTopic   where messages that can never become an order go: original bytes, the reason in header
 *                          {@code dlq-reason}, the topic they came from in {@code dlq-source-topic}
 * @param consumerGroup     consumer group shared by all hub instances
 * @param consumersPerTopic consumers per topic in this instance (each takes some of the topic's partitions), so one
 *                          channel's orders are accepted in parallel; more than the topic's partitions would sit idle
 * @param pollTimeout       how long one poll of the broker waits for messages
 * @param maxPollRecords    records one poll hands a consumer at most; a consumer finishes what it polled before it pauses
 *                          for back-pressure, so this bounds how far the backlog overshoots its limit (consumers × this)
 * @param commitInterval    how often a consumer commits the offsets it has processed (Kafka's auto-commit, also while
 *                          paused): after a pause at least this long it resumes exactly where it stopped, and after a
 *                          crash at most this much is read again (and answered as repeats)
 * @param retry             how a message whose acceptance failed for a reason other than the message (database or CRM
 *                          down) is tried again in place before its partition is polled again from the same offset
 * @param backpressure      when the intake refuses (REST) or pauses (Kafka) because the hub's backlog is too long
 */
@Validated
@ConfigurationProperties("hub.intake")
public record IntakeProperties(@NotBlank @DefaultValue("orders.web") String webTopic,
                               @NotBlank @DefaultValue("orders.app") String appTopic,
                               @NotBlank @DefaultValue("orders.marketplace") String marketplaceTopic,
                               @NotBlank @DefaultValue("orders.pos") String posTopic,
                               @NotBlank @DefaultValue("orders.deadletter") String deadLetterTopic,
                               @NotBlank @DefaultValue("retail-hub-intake") String consumerGroup,
                               @Min(1) @Max(64) @DefaultValue("3") int consumersPerTopic,
                               @NotNull @DefaultValue("500ms") Duration pollTimeout,
                               @Min(1) @Max(500) @DefaultValue("25") int maxPollRecords,
                               @NotNull @DefaultValue("1s") Duration commitInterval,
                               @Valid @NotNull @DefaultValue Redelivery retry,
                               @Valid @NotNull @DefaultValue IntakeBackPressure backpressure) {

    /** Each channel's topic. */
    public Map<Channel, String> channelTopics() {
        Map<Channel, String> topics = new LinkedHashMap<>();
        topics.put(Channel.WEB, webTopic);
        topics.put(Channel.APP, appTopic);
        topics.put(Channel.MARKETPLACE, marketplaceTopic);
        topics.put(Channel.POS, posTopic);
        return topics;
    }

    /** Every topic the intake reads or writes, for the broker to create. */
    public List<String> topics() {
        List<String> all = new java.util.ArrayList<>(channelTopics().values());
        all.add(deadLetterTopic);
        return List.copyOf(all);
    }
}
