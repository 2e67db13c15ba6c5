package org.retailhub.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.retailhub.routes.order.InMemoryKafka.header;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The channel intake routes with their route configuration and real Kafka endpoints; each route's consumer is
 * replaced by a direct endpoint (AdviceWith), the dead-letter topic is in memory ({@link InMemoryKafka}) and the
 * acceptance a test double ({@link OrderBook}). A poison message becomes a dead letter exactly as it came, with the
 * reason and its source topic, and the next one is accepted; a refusal is never redelivered; a dependency that fails
 * is tried again in place and then handed back to the consumer, which polls the same offset again.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = ChannelOrderRoutesTest.Wiring.class, properties = {
        "hub.intake.retry.redeliveries=2", "hub.intake.retry.delay=1ms", "hub.intake.retry.max-delay=5ms"})
class ChannelOrderRoutesTest {

    static final String WEB = """
            {"orderRef":"W-1001","store":"WEB-DC","customer":{"loyaltyTier":"GOLD"},"allowPartialDelivery":false,
             "payment":{"method":"CARD"},"items":[{"sku":"SKU-0001","qty":2},{"sku":"SKU-0002","qty":1}]}""";
    static final String TILL = "HDR;STORE-001;TILL-03;000123;20261125101500;GOLD\nITM;1;SKU-0001;2\nITM;2;SKU-0007;1\nTRL;2\n";
    static final String GOOD = "{\"orderRef\":\"W-1\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0001\",\"qty\":2}]}";
    /** What the dead letter masks: a run of 16 to 19 digits may be a card number. */
    static final Pattern CARD_LIKE = Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9])");

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({CamelAutoConfiguration.class, ValidationAutoConfiguration.class})
    @EnableConfigurationProperties(IntakeProperties.class)
    @Import({ChannelOrderRoutes.class, ChannelDeadLetters.class, ChannelEndpoints.class, OrderIntake.class, IntakeGate.class, ChannelPause.class})
    static class Wiring {
        @Bean
        Backlog backlog() {
            return new Backlog();
        }

        @Bean
        SimpleMeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObjectMapper json() {
            return new ObjectMapper();
        }

        @Bean
        OrderBook acceptance() {
            return new OrderBook();
        }

        @Bean
        InMemoryKafka kafkaClients() {
            return new InMemoryKafka();
        }
    }

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    SimpleMeterRegistry meters;
    @Autowired
    OrderBook orders;
    @Autowired
    InMemoryKafka kafka;
    @Autowired
    Backlog backlog;
    @Autowired
    ChannelPause pause;

    /** The engine's backlog as a test sets it. */
    static final class Backlog extends java.util.concurrent.atomic.AtomicLong implements org.retailhub.domain.order.FulfilmentBacklog {
        @Override
        public long dueSteps() {
            return get();
        }
    }

    @BeforeEach
    void consumersReplacedByDirectEndpoints() throws Exception {
        if (!camel.isStarted()) {
            for (String route : List.of("intake-web", "intake-app", "intake-marketplace", "intake-pos")) {
                AdviceWith.adviceWith(camel, route, advice -> advice.replaceFromWith("direct:" + route));
            }
            camel.start();
        }
        orders.clear();
        kafka.clear();
        backlog.set(0);
        pause.watch();
    }

    @Test
    void everyChannelConsumerIsSuspendedAboveTheBacklogLimitAndResumedAtTheResumeLevel() {
        backlog.set(401);
        pause.watch();
        assertThat(channelConsumers()).as("suspended above the limit").allMatch(ServiceHelper::isSuspended).hasSize(4);

        backlog.set(301);
        pause.watch();
        assertThat(channelConsumers()).as("still above the resume level").allMatch(ServiceHelper::isSuspended);

        backlog.set(300);
        pause.watch();
        assertThat(channelConsumers()).as("resumed").noneMatch(ServiceHelper::isSuspended).allMatch(ServiceHelper::isStarted);
        receive("intake-web", "orders.web", "W-1", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(orders.acceptedIds()).containsExactly("W-1");
    }

    private List<org.apache.camel.Consumer> channelConsumers() {
        return List.of("intake-web", "intake-app", "intake-marketplace", "intake-pos").stream()
                .map(id -> camel.getRoute(id).getConsumer()).toList();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAsItCameWithItsReasonAndTheNextIsAccepted() {
        String poison = """
                {"orderRef":"W-0","store":"WEB-DC","payment":{"method":"GIFT_CARD","giftCardNumber":"6036000000000001"},"items":[null]}""";
        double before = deadLettered("orders.web");

        receive("intake-web", "orders.web", "W-0", poison.getBytes(StandardCharsets.UTF_8));
        receive("intake-web", "orders.web", "W-1", GOOD.getBytes(StandardCharsets.UTF_8));

        ProducerRecord<Object, Object> letter = single(kafka.sent());
        assertThat(letter.topic()).isEqualTo("orders.deadletter");
        assertThat(letter.key()).as("keyed like the original").isEqualTo("W-0");
        assertThat(new String((byte[]) letter.value(), StandardCharsets.UTF_8)).as("the original, its card number masked")
                .isEqualTo(poison.replace("6036000000000001", "************0001"));
        assertThat(header(letter, ChannelDeadLetters.REASON_HEADER)).contains("items[0]");
        assertThat(header(letter, ChannelDeadLetters.SOURCE_HEADER)).isEqualTo("orders.web");
        assertThat(orders.acceptedIds()).containsExactly("W-1");
        assertThat(deadLettered("orders.web") - before).isEqualTo(1);
    }

    @Test
    void everyGeneratedBrokenMessageIsDeadLetteredByteForByteOrAccepted() {
        List<Broken> sample = new ArrayList<>(BrokenInputs.sample(BrokenInputs.json(WEB), 150, 20261201L));
        List<Broken> tillSample = BrokenInputs.sample(BrokenInputs.delimited(TILL, ";", 0), 150, 20261202L);
        int deadLettered = 0;
        for (Broken broken : sample) {
            deadLettered += deadLetteredOrAccepted("intake-web", "orders.web", broken) ? 1 : 0;
        }
        for (Broken broken : tillSample) {
            deadLettered += deadLetteredOrAccepted("intake-pos", "orders.pos", broken) ? 1 : 0;
        }
        receive("intake-web", "orders.web", "W-1", GOOD.getBytes(StandardCharsets.UTF_8));

        assertThat(orders.acceptedIds()).contains("W-1");
        assertThat(deadLettered).as("most of the generated messages are poison").isGreaterThan((sample.size() + tillSample.size()) / 2);
    }

    @Test
    void theAcceptancesOwnRefusalIsDeadLetteredWithItsReasonAndNotTriedAgain() {
        orders.failNext(1, new InvalidOrderException("STORE-001-TILL-03-000123", "unknown articles [SKU-0007]"));

        receive("intake-pos", "orders.pos", "till", TILL.getBytes(StandardCharsets.UTF_8));

        ProducerRecord<Object, Object> letter = single(kafka.sent());
        assertThat(header(letter, ChannelDeadLetters.REASON_HEADER)).isEqualTo("unknown articles [SKU-0007]");
        assertThat(header(letter, ChannelDeadLetters.SOURCE_HEADER)).isEqualTo("orders.pos");
        assertThat(orders.attempts()).isEqualTo(1);
    }

    @Test
    void whatTheHubsDatabaseRefusesIsDeadLetteredOnceWithTheConstraintButNotTheRow() {
        orders.failNext(1, new DataIntegrityViolationException("PreparedStatementCallback; SQL [insert into hub.customer_order ...]",
                new SQLException("ERROR: new row for relation \"customer_order\" violates check constraint \"customer_order_store\"\n"
                        + "  Detail: Failing row contains (W-1, jane.doe@example.org).", "23514")));

        receive("intake-web", "orders.web", "W-1", GOOD.getBytes(StandardCharsets.UTF_8));

        assertThat(header(single(kafka.sent()), ChannelDeadLetters.REASON_HEADER))
                .isEqualTo("the hub's database refused it: new row for relation \"customer_order\" violates check constraint \"customer_order_store\"");
        assertThat(orders.attempts()).as("a refusal is not redelivered").isEqualTo(1);
    }

    @Test
    void aDatabaseDownIsTriedAgainInPlaceAndNothingIsDeadLettered() {
        orders.failNext(2, new DataAccessResourceFailureException("connection refused"));

        receive("intake-app", "orders.app", "W-1", GOOD.getBytes(StandardCharsets.UTF_8));

        assertThat(orders.acceptedIds()).containsExactly("W-1");
        assertThat(orders.attempts()).isEqualTo(3);
        assertThat(kafka.sent()).isEmpty();
    }

    @Test
    void aDatabaseDownForLongerGoesBackToTheConsumerWhichPollsTheSameMessageAgain() {
        orders.failNext(3, new DataAccessResourceFailureException("connection refused"));

        Throwable failed = catchThrowable(() -> receive("intake-marketplace", "orders.marketplace", "W-1", GOOD.getBytes(StandardCharsets.UTF_8)));
        assertThat(failed).as("the consumer sees the failure and does not commit the offset")
                .hasRootCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(orders.attempts()).as("the first attempt and two redeliveries").isEqualTo(3);
        assertThat(kafka.sent()).isEmpty();

        receive("intake-marketplace", "orders.marketplace", "W-1", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(orders.acceptedIds()).containsExactly("W-1");
    }

    /** True when the message was dead-lettered (as it came, with a reason), false when it reached the acceptance. */
    private boolean deadLetteredOrAccepted(String route, String topic, Broken broken) {
        int letters = kafka.sent().size();
        int attempts = orders.attempts();
        receive(route, topic, "K", broken.bytes());
        List<ProducerRecord<Object, Object>> sent = kafka.sent();
        boolean deadLettered = sent.size() == letters + 1;
        assertThat(deadLettered ? orders.attempts() == attempts : sent.size() == letters && orders.attempts() == attempts + 1)
                .as("%s: dead-lettered or accepted, once", broken).isTrue();
        if (deadLettered) {
            ProducerRecord<Object, Object> letter = sent.get(letters);
            byte[] value = (byte[]) letter.value();
            if (CARD_LIKE.matcher(broken.text()).find()) {
                assertThat(CARD_LIKE.matcher(new String(value, StandardCharsets.UTF_8)).find()).as("%s: card-like numbers masked", broken).isFalse();
            } else {
                assertThat(value).as("%s: the original bytes", broken).isEqualTo(broken.bytes());
            }
            assertThat(header(letter, ChannelDeadLetters.REASON_HEADER)).as("%s: the reason, short", broken).isNotBlank().hasSizeLessThanOrEqualTo(503);
            assertThat(header(letter, ChannelDeadLetters.SOURCE_HEADER)).isEqualTo(topic);
        }
        return deadLettered;
    }

    /** What the Kafka consumer hands the route: the message's bytes, its topic and key. */
    private void receive(String route, String topic, String key, byte[] message) {
        producer.sendBodyAndHeaders("direct:" + route, message, Map.of(KafkaConstants.TOPIC, topic, KafkaConstants.KEY, key));
    }

    private double deadLettered(String topic) {
        var counter = meters.find("hub.orders.deadlettered").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
