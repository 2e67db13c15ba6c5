package org.retailhub.routes.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.consistency.FieldOwnership;
import org.retailhub.domain.consistency.StockPostings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The stock posting route with its route configuration and the queue of due postings as a test double: every tick
 * posts a batch of the configured size; a round that fails as a whole (the hub's database down) leaves the route
 * running and the next tick posts.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StockPostingRoutesTest.Wiring.class, properties = {"hub.consistency.stock-posting-interval=20ms",
        "hub.consistency.stock-posting-batch=7"})
class StockPostingRoutesTest {

    /** The due postings as a test double: each round is recorded with its batch size; the first rounds fail when told. */
    static final class DuePostings extends StockPostings {
        final List<Integer> rounds = new CopyOnWriteArrayList<>();
        final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();

        DuePostings() {
            super(null, null, List.of(), FieldOwnership.defaults());
        }

        @Override
        public int postDue(int limit) {
            rounds.add(limit);
            RuntimeException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            return 1;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({CamelAutoConfiguration.class, ValidationAutoConfiguration.class})
    @EnableConfigurationProperties(ConsistencyProperties.class)
    @Import(StockPostingRoutes.class)
    static class Wiring {
        @Bean
        DuePostings postings() {
            DuePostings postings = new DuePostings();
            postings.failures.add(new DataAccessResourceFailureException("hub database down"));
            postings.failures.add(new DataAccessResourceFailureException("hub database down"));
            return postings;
        }
    }

    @Autowired
    DuePostings postings;
    @Autowired
    CamelContext camel;

    @Test
    void roundsThatFailAreFollowedByTheNextTicksRound() {
        await().atMost(Duration.ofSeconds(30)).until(() -> postings.rounds.size() >= 4);

        assertThat(postings.failures).as("both failed rounds happened").isEmpty();
        assertThat(postings.rounds).as("each round asks for a batch of the configured size").allMatch(limit -> limit == 7);
        assertThat(camel.getRouteController().getRouteStatus(StockPostingRoutes.ID).isStarted()).isTrue();
    }
}
