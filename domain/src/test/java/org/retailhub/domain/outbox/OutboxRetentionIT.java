package org.retailhub.domain.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.support.HubDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's purge against a real PostgreSQL: events published before the cutoff go, oldest first and no more than
 * asked; events published later stay; an event never published stays however old it is, because Kafka still owes it.
 */
class OutboxRetentionIT {

    private static HubDatabase db;
    private static JdbcTemplate jdbc;
    private static Outbox outbox;
    private static TransactionTemplate tx;

    @BeforeAll
    static void startDatabase() {
        db = HubDatabase.start();
        jdbc = new JdbcTemplate(db.dataSource());
        outbox = new Outbox(jdbc, new ObjectMapper());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void onlyEventsPublishedBeforeTheCutoffArePurgedAndNeverAnUnpublishedOne() {
        Instant now = Instant.now();
        String order = "order-" + UUID.randomUUID();
        UUID oldPublished1 = publishedAt(order, now.minus(40, ChronoUnit.DAYS));
        UUID oldPublished2 = publishedAt(order, now.minus(35, ChronoUnit.DAYS));
        UUID oldPublished3 = publishedAt(order, now.minus(31, ChronoUnit.DAYS));
        UUID recentPublished = publishedAt(order, now.minus(2, ChronoUnit.DAYS));
        UUID oldUnpublished = outbox.append("orders.events", order, "OrderConfirmed", Map.of("n", 5));
        jdbc.update("update hub.outbox set created_at = ? where event_id = ?",
                Timestamp.from(now.minus(60, ChronoUnit.DAYS)), oldUnpublished);

        Instant cutoff = now.minus(30, ChronoUnit.DAYS);
        assertThat(outbox.purgePublishedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(eventsOf(order)).containsExactly(oldPublished3, recentPublished, oldUnpublished);

        assertThat(outbox.purgePublishedBefore(cutoff, 2)).isEqualTo(1);
        assertThat(outbox.purgePublishedBefore(cutoff, 2)).isZero();
        assertThat(eventsOf(order)).containsExactly(recentPublished, oldUnpublished)
                .doesNotContain(oldPublished1, oldPublished2);
        assertThat(outbox.pending()).isEqualTo(1);
    }

    private UUID publishedAt(String key, Instant when) {
        return tx.execute(status -> {
            UUID id = outbox.append("orders.events", key, "OrderConfirmed", Map.of("at", when.toString()));
            List<OutboxEvent> batch = outbox.lockNextBatch(10);
            outbox.markPublished(batch);
            jdbc.update("update hub.outbox set published_at = ? where event_id = ?", Timestamp.from(when), id);
            return id;
        });
    }

    private List<UUID> eventsOf(String key) {
        return jdbc.queryForList("select event_id from hub.outbox where event_key = ? order by seq", UUID.class, key);
    }
}
