package org.retailhub.app.operations;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Health indicator {@code kafka}: the cluster answers within three seconds (its brokers counted). In the readiness group:
 * an instance that cannot reach Kafka takes no channel orders and publishes no events, so it should get no traffic.
 */
@Component("kafka")
class KafkaReachability implements HealthIndicator, DisposableBean {

    private static final Duration ANSWER = Duration.ofSeconds(3);

    private final Admin admin;

    KafkaReachability(KafkaAdmin kafka) {
        this.admin = Admin.create(kafka.getConfigurationProperties());
    }

    @Override
    public Health health() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) ANSWER.toMillis())).nodes()
                    .get(ANSWER.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    @Override
    public void destroy() {
        admin.close(ANSWER);
    }
}
