package org.retailhub.rfid.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.domain.stockcount.CountedTag;
import org.retailhub.domain.stockcount.StockCounts;
import org.retailhub.rfid.epcis.EpcisProperties;
import org.retailhub.rfid.inventory.CountSessions;
import org.retailhub.rfid.layout.SampleStore;
import org.retailhub.rfid.layout.StoreLayoutProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reader routes against a real MQTT broker (Moquette, as the embedded default runs it) with their route
 * configuration; the EPCIS journal and the counts are in memory, the dead-letter topic a mock endpoint (AdviceWith).
 * Readers publish Zebra and Impinj messages on their topics; a tag seen twice becomes one EPCIS observation; a message
 * that is no JSON is dead-lettered as it came with its reason and the stream goes on; a bad tag record in a good
 * message is dead-lettered alone; a database that is down is waited for and nothing is lost. Reads carry the wall
 * clock's time, so the allowed lateness covers their trip through the broker (the tick moves the watermark on by the
 * clock: with none allowed, a read could arrive late).
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = ReaderRoutesTest.Wiring.class, properties = {
        "hub.rfid.intake.allowed-lateness=3s", "hub.rfid.intake.tick=100ms", "hub.rfid.intake.retry.delay=1ms",
        "hub.rfid.intake.retry.max-delay=20ms", "hub.rfid.intake.client-id=route-test", "hub.rfid.intake.leadership.enabled=false",
        "hub.rfid.layout.stores.STORE-001.gln=4012345000016",
        "hub.rfid.layout.stores.STORE-001.zones.shelf-a.kind=SALES_FLOOR",
        "hub.rfid.layout.stores.STORE-001.zones.shelf-a.window=10s",
        "hub.rfid.layout.stores.STORE-001.zones.backroom.kind=BACKROOM",
        "hub.rfid.layout.readers.fx9600-shelves.store=STORE-001", "hub.rfid.layout.readers.fx9600-shelves.zone=shelf-a",
        "hub.rfid.layout.readers.impinj-backroom.store=STORE-001", "hub.rfid.layout.readers.impinj-backroom.zone=backroom"})
class ReaderRoutesTest {

    private static final Server BROKER = broker();

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({CamelAutoConfiguration.class, ValidationAutoConfiguration.class})
    @EnableConfigurationProperties({ReaderIntakeProperties.class, EpcisProperties.class, StoreLayoutProperties.class})
    @Import({ReaderRoutes.class, ReaderDeadLetters.class, ReaderIntake.class, TagObservations.class, CountSessions.class, RfidWiring.class})
    static class Wiring {
        @Bean
        SimpleMeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObjectMapper json() {
            return new ObjectMapper();
        }

        @Bean
        RecordingJournal journal() {
            return new RecordingJournal();
        }

        /** No count is open: the counts' own tests are CountSessionTest and StockCountsIT. */
        @Bean
        StockCounts counts() {
            return new StockCounts(null, null, null) {
                @Override
                public Map<String, OpenCount> openCounts() {
                    return Map.of();
                }

                @Override
                public void counted(UUID countId, List<CountedTag> tags) {
                }

                @Override
                public void left(UUID countId, List<CountedTag> tags) {
                }
            };
        }
    }

    @DynamicPropertySource
    static void brokerUrl(DynamicPropertyRegistry registry) {
        registry.add("hub.rfid.intake.broker-url", () -> "tcp://127.0.0.1:" + BROKER.getPort());
    }

    @Autowired
    CamelContext camel;
    @Autowired
    RecordingJournal journal;
    @Autowired
    SimpleMeterRegistry meters;

    private static MqttClient reader;

    @BeforeEach
    void deadLettersInAMock() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, ReaderDeadLetters.ROUTE, advice -> advice.weaveByToUri("kafka:*").replace().to("mock:dead-letters"));
            camel.start();
            reader = new MqttClient("tcp://127.0.0.1:" + BROKER.getPort(), "test-reader", new MemoryPersistence());
            reader.connect();
        }
        deadLetters().reset();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (reader != null) {
            reader.disconnect();
            reader.close();
        }
        BROKER.stopServer();
    }

    @Test
    void aTagTwiceSeenOnAShelfIsOneEpcisObservationThere() throws Exception {
        String hex = SampleStore.epcHex(22, 1);
        publish("rfid/zebra/fx9600-shelves", zebra(hex, 1, Instant.now()));
        publish("rfid/zebra/fx9600-shelves", zebra(hex, 3, Instant.now().plusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> observed(SampleStore.epcUri(22, 1)) == 1);
        assertThat(journal.events).filteredOn(e -> e.epcs().contains(SampleStore.epcUri(22, 1))).singleElement().satisfies(event -> {
            assertThat(event.readPoint()).isEqualTo("urn:epc:id:sgln:4012345.00001.shelf-a");
            assertThat(event.bizStep()).isEqualTo("stocking");
        });
    }

    @Test
    void aMessageThatIsNoJsonIsDeadLetteredAsItCameAndTheNextIsRead() throws Exception {
        MockEndpoint letters = deadLetters();
        letters.expectedMessageCount(1);

        publish("rfid/impinj/impinj-backroom", "{\"timestamp\": oops".getBytes(StandardCharsets.UTF_8));
        String hex = SampleStore.epcHex(37, 5);
        publish("rfid/impinj/impinj-backroom", impinj("impinj-backroom", hex, Instant.now()));
        publish("rfid/impinj/impinj-backroom", impinj("impinj-backroom", hex, Instant.now().plusSeconds(1)));

        letters.assertIsSatisfied(20_000);
        Exchange letter = letters.getExchanges().get(0);
        assertThat(letter.getMessage().getBody(String.class)).isEqualTo("{\"timestamp\": oops");
        assertThat(letter.getMessage().getHeader(ReaderDeadLetters.REASON_HEADER, String.class)).startsWith("malformed-json");
        assertThat(letter.getMessage().getHeader(ReaderDeadLetters.SOURCE_HEADER, String.class)).isEqualTo("rfid/impinj/impinj-backroom");
        await().atMost(Duration.ofSeconds(30)).until(() -> observed(SampleStore.epcUri(37, 5)) == 1);
    }

    @Test
    void aRecordFromAnUnknownReaderOrWithABadEpcGoesAloneTheOthersAreRead() throws Exception {
        MockEndpoint letters = deadLetters();
        letters.expectedMessageCount(2);
        String good = SampleStore.epcHex(22, 9);
        String lines = new String(impinj("impinj-next-door", good, Instant.now()), StandardCharsets.UTF_8)
                + new String(impinj("impinj-backroom", "E2801160600002052890C3A1", Instant.now()), StandardCharsets.UTF_8)
                + new String(impinj("impinj-backroom", good, Instant.now()), StandardCharsets.UTF_8);

        publish("rfid/impinj/impinj-backroom", lines.getBytes(StandardCharsets.UTF_8));
        publish("rfid/impinj/impinj-backroom", impinj("impinj-backroom", good, Instant.now().plusSeconds(1)));

        letters.assertIsSatisfied(20_000);
        assertThat(letters.getExchanges()).extracting(e -> e.getMessage().getHeader(ReaderDeadLetters.REASON_HEADER, String.class))
                .anySatisfy(reason -> assertThat(reason).startsWith("unknown-reader"))
                .anySatisfy(reason -> assertThat(reason).startsWith("invalid-epc: unknown-header"));
        await().atMost(Duration.ofSeconds(30)).until(() -> observed(SampleStore.epcUri(22, 9)) == 1);
        assertThat(meters.counter("hub.rfid.deadlettered", "reason", "unknown-reader").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whileTheDatabaseIsDownObservationsWaitAndNoneIsLost() throws Exception {
        journal.failures.set(3);
        String hex = SampleStore.epcHex(37, 77);
        publish("rfid/zebra/fx9600-shelves", zebra(hex, 2, Instant.now()));
        publish("rfid/zebra/fx9600-shelves", zebra(hex, 2, Instant.now().plusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> observed(SampleStore.epcUri(37, 77)) == 1);
        assertThat(journal.failures.get()).isZero();
        assertThat(deadLetters().getReceivedCounter()).as("a database down is no verdict on the message").isZero();
    }

    private long observed(String epc) {
        return journal.events.stream().filter(e -> e.epcs().contains(epc)).count();
    }

    private MockEndpoint deadLetters() {
        return camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
    }

    private static void publish(String topic, byte[] payload) throws Exception {
        reader.publish(topic, payload, 1, false);
    }

    private static byte[] zebra(String hex, int antenna, Instant at) {
        return ("[{\"type\":\"SIMPLE\",\"timestamp\":\"" + at + "\",\"data\":{\"format\":\"epc\",\"idHex\":\"" + hex
                + "\",\"antenna\":" + antenna + ",\"peakRssi\":-55}}]").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] impinj(String host, String hex, Instant at) {
        return ("{\"timestamp\":\"" + at + "\",\"hostname\":\"" + host + "\",\"eventType\":\"tagInventory\",\"tagInventoryEvent\":{\"epcHex\":\""
                + hex + "\",\"antennaPort\":1,\"peakRssiCdbm\":-5600}}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Server broker() {
        Server server = new Server();
        Properties config = new Properties();
        config.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        config.setProperty(BrokerConstants.PORT_PROPERTY_NAME, "0");
        config.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        config.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        config.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        config.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        // a reader's batch of 50 tag events is ~10 KB, past Moquette's 8 KB default
        config.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, String.valueOf(1 << 20));
        try {
            server.startServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Moquette names the free port it was given only once its acceptor has bound it; polled in this thread, since a
        // condition polled in another one would wait for this class's initialisation, which waits for it
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.getPort() == 0 && System.nanoTime() < giveUp) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return server;
    }
}
