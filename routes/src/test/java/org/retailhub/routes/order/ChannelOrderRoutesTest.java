package org.retailhub.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.springboot.KafkaComponentAutoConfiguration;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.order.AcceptedOrder;
import org.retailhub.domain.order.InvalidOrderException;
import org.retailhub.domain.order.OrderAcceptance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The channel intake routes with their route configuration, Kafka replaced by direct endpoints (AdviceWith): a poison
 * message becomes a dead letter with the reason and the source topic and reaches no acceptance, the message behind it
 * is accepted; a dependency that fails is retried in place and nothing is dead-lettered.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = ChannelOrderRoutesTest.Wiring.class, properties = {"hub.intake.retry.delay=10ms", "hub.intake.retry.max-delay=20ms",
        "camel.component.kafka.brokers=localhost:9"})
class ChannelOrderRoutesTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({CamelAutoConfiguration.class, KafkaComponentAutoConfiguration.class, ValidationAutoConfiguration.class})
    @EnableConfigurationProperties(IntakeProperties.class)
    @Import({ChannelOrderRoutes.class, ChannelDeadLetters.class, ChannelEndpoints.class, OrderIntake.class})
    static class Wiring {
        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObjectMapper json() {
            return new ObjectMapper();
        }
    }

    static final String GOOD = "{\"orderRef\":\"W-1\",\"store\":\"WEB-DC\",\"items\":[{\"sku\":\"SKU-0001\",\"qty\":2}]}";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    MeterRegistry meters;
    @MockitoBean
    OrderAcceptance acceptance;
    @EndpointInject("mock:kafka:orders.deadletter")
    MockEndpoint deadLetters;

    @BeforeEach
    void kafkaReplacedByDirectEndpoints() throws Exception {
        if (!camel.isStarted()) {
            for (String channel : new String[] {"web", "app", "marketplace", "pos"}) {
                AdviceWith.adviceWith(camel, "intake-" + channel, route -> {
                    route.replaceFromWith("direct:" + channel);
                    route.mockEndpointsAndSkip("kafka:*");
                });
            }
            camel.start();
        }
        deadLetters.reset();
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithItsReasonAndTheNextIsAccepted() throws Exception {
        when(acceptance.accept(any())).thenReturn(new AcceptedOrder(UUID.randomUUID(), true));
        deadLetters.expectedMessageCount(1);
        String poison = "{\"orderRef\":\"W-0\",\"store\":\"WEB-DC\",\"items\":[null]}";

        producer.sendBodyAndHeaders("direct:web", poison.getBytes(StandardCharsets.UTF_8), Map.of(KafkaConstants.TOPIC, "orders.web"));
        producer.sendBodyAndHeaders("direct:web", GOOD.getBytes(StandardCharsets.UTF_8), Map.of(KafkaConstants.TOPIC, "orders.web"));

        deadLetters.assertIsSatisfied();
        var letter = deadLetters.getReceivedExchanges().get(0).getMessage();
        assertThat(letter.getBody(String.class)).isEqualTo(poison);
        assertThat(letter.getHeader(ChannelDeadLetters.REASON_HEADER, String.class)).contains("items[0]");
        assertThat(letter.getHeader(ChannelDeadLetters.SOURCE_HEADER, String.class)).isEqualTo("orders.web");
        verify(acceptance, never()).accept(argThat(o -> "W-0".equals(o.externalId())));
        verify(acceptance).accept(argThat(o -> "W-1".equals(o.externalId())));
        assertThat(meters.counter("hub.orders.deadlettered", "topic", "orders.web").count()).isEqualTo(1);
    }

    @Test
    void theAcceptancesRefusalIsADeadLetterButAFailingDatabaseIsRetried() throws Exception {
        when(acceptance.accept(any()))
                .thenThrow(new DataAccessResourceFailureException("database down"))
                .thenThrow(new DataAccessResourceFailureException("database down"))
                .thenReturn(new AcceptedOrder(UUID.randomUUID(), true))
                .thenThrow(new InvalidOrderException("STORE-001-TILL-03-000124", "unknown articles [SKU-9999]"));
        deadLetters.expectedMessageCount(1);

        producer.sendBodyAndHeaders("direct:web", GOOD.getBytes(StandardCharsets.UTF_8), Map.of(KafkaConstants.TOPIC, "orders.web"));
        producer.sendBodyAndHeaders("direct:pos", "HDR;STORE-001;TILL-03;000124;20261125101500;\nITM;1;SKU-9999;1\nTRL;1\n"
                .getBytes(StandardCharsets.UTF_8), Map.of(KafkaConstants.TOPIC, "orders.pos"));

        deadLetters.assertIsSatisfied();
        verify(acceptance, times(4)).accept(any());
        assertThat(deadLetters.getReceivedExchanges().get(0).getMessage().getHeader(ChannelDeadLetters.REASON_HEADER, String.class))
                .isEqualTo("unknown articles [SKU-9999]");
    }
}
