package org.retailhub.app.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.retailhub.routes.order.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * How far the hub's order intake is behind the channels ({@code hub.kafka.consumer.lag}, messages per topic): the end
 * of each partition minus the offset the intake group has committed, read with Kafka's admin API every
 * {@code hub.operations.meter-refresh}. The group is shared by all instances, so every instance reports the same lag.
 */
@Component
class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final Admin admin;
    private final String group;
    private final MultiGauge lag;

    ConsumerLag(KafkaAdmin kafka, IntakeProperties intake, MeterRegistry meters, TaskScheduler scheduler, OperationsProperties properties) {
        this.admin = Admin.create(kafka.getConfigurationProperties());
        this.group = intake.consumerGroup();
        this.lag = MultiGauge.builder("hub.kafka.consumer.lag").description("messages on the channel topics the intake has not yet taken")
                .baseUnit("messages").register(meters);
        scheduler.scheduleWithFixedDelay(this::refresh, properties.meterRefresh());
    }

    void refresh() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Long> perTopic = committed.entrySet().stream().filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(),
                            Collectors.summingLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset()))));
            List<MultiGauge.Row<?>> rows = perTopic.entrySet().stream()
                    .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("group", group, "topic", e.getKey()), e.getValue())).toList();
            lag.register(rows, true);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Could not read the intake's consumer lag: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        admin.close(ANSWER);
    }
}
