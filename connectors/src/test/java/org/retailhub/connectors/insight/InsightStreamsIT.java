package org.retailhub.connectors.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.retailhub.domain.insight.CustomerInsight;
import org.retailhub.domain.insight.CustomerProfile;
import org.retailhub.domain.insight.InsightModel;
import org.retailhub.domain.insight.InsightPeers;
import org.retailhub.domain.insight.Interaction;
import org.retailhub.domain.insight.InteractionKind;
import org.retailhub.domain.insight.ItemPopularity;
import org.retailhub.domain.inventory.StockMovement;
import org.retailhub.domain.inventory.StockMovementKind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The insight stream on a real broker, inside a Spring context as the hub runs it: it answers from its stores (till
 * sales among them), and when
 * the context closes (or its start fails) its threads are gone before the broker that the context also owns stops.
 * A broker that is away or late at start fails no start: queries answer 503 until a background attempt succeeds, and
 * stop ends the attempts. Two instances of it share the customers by partition, each answers about a customer the
 * other holds by asking the holder in the caller's name, and both rank with every article (the global stores).
 */
class InsightStreamsIT {

    private static final String TOPIC = "behaviour.accepted";
    private static final String MOVEMENTS = "stock.movements";
    private static final String TOKEN = "Bearer insight-test";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static EmbeddedKafkaKraftBroker kafka;
    private static KafkaProducer<String, String> producer;

    @TempDir
    Path state;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 2, TOPIC, MOVEMENTS).kafkaPorts(0);
        kafka.afterPropertiesSet();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.getBrokersAsString()), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        kafka.destroy();
    }

    @Test
    void closingTheContextEndsTheStreamsThreadsBeforeItsBrokerStops() throws Exception {
        String application = "insight-close-" + UUID.randomUUID();
        List<String> aliveWhenTheBrokerStopped = new CopyOnWriteArrayList<>();
        GenericApplicationContext context = contextWith(application, aliveWhenTheBrokerStopped);
        context.refresh();
        InsightStreams insight = context.getBean(InsightStreams.class);
        producer.send(new ProducerRecord<>(TOPIC, "CU100001", JSON.writeValueAsString(new Interaction("CU100001", "SKU-0001",
                "ELECTRONICS", InteractionKind.PURCHASE, "STORE-001", 1, BigDecimal.TEN, Instant.now())))).get();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> insight.profile("CU100001").isPresent());
        assertThat(streamThreadsOf(application)).as("the stream runs").isNotEmpty();
        // two lines of one till receipt, keyed by store and article: they may be on different partitions of the movements
        Instant sold = Instant.now();
        for (String line : List.of("1/SKU-0002", "2/SKU-0003")) {
            String sku = line.substring(2);
            producer.send(new ProducerRecord<>(MOVEMENTS, "STORE-011/" + sku, JSON.writeValueAsString(new StockMovement(
                    "POS-11-3-777-" + line.charAt(0), "STORE-011", sku, -1, StockMovementKind.TILL_SALE, sold)))).get();
        }
        await().atMost(PATIENCE).ignoreExceptions().until(() -> insight.neighbours("SKU-0003").orElseThrow().neighbours().containsKey("SKU-0002")
                && insight.neighbours("SKU-0002").orElseThrow().neighbours().containsKey("SKU-0003"));
        assertThat(insight.popularity()).as("till sales count for the articles").extracting(ItemPopularity::sku).contains("SKU-0002", "SKU-0003");
        assertThat(insight.profile("STORE-011")).as("and for no one's profile").isEmpty();

        context.close();

        assertThat(aliveWhenTheBrokerStopped).as("insight threads alive when the broker stopped").isEmpty();
        assertThat(streamThreadsOf(application)).as("insight threads alive after the context closed").isEmpty();
        assertThat(insight.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    }

    @Test
    void aStartThatFailsAfterTheStreamStartedEndsItsThreadsToo() {
        String application = "insight-failed-" + UUID.randomUUID();
        List<String> aliveWhenTheBrokerStopped = new CopyOnWriteArrayList<>();
        GenericApplicationContext context = contextWith(application, aliveWhenTheBrokerStopped);
        context.registerBean("failsLast", SmartLifecycle.class, () -> new FailingStart());

        assertThatThrownBy(context::refresh).hasRootCauseMessage("fails on purpose");

        assertThat(aliveWhenTheBrokerStopped).as("insight threads alive when the broker stopped").isEmpty();
        assertThat(streamThreadsOf(application)).as("insight threads alive after the failed start").isEmpty();
    }

    @Test
    void aBrokerThatIsNotThereFailsNoStartQueriesAnswer503AndStopEndsTheAttempts() throws Exception {
        String application = "insight-nobroker-" + UUID.randomUUID();
        Properties config = config(application, state.resolve(application), "");
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            // a port nobody answers on: the article topics can be neither created nor seen
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closed.getLocalPort());
        }
        InsightStreams insight = new InsightStreams(
                CustomerInsightTopology.build(TOPIC, application, InsightModel.standard(), Duration.ofDays(7), JSON), config,
                Duration.ofSeconds(10));

        insight.start();

        assertThat(insight.isRunning()).as("started as far as the hub is concerned").isTrue();
        assertThatThrownBy(() -> insight.profile("CU100001")).isInstanceOf(CustomerInsight.InsightUnavailableException.class);
        assertThatThrownBy(insight::popularity).isInstanceOf(CustomerInsight.InsightUnavailableException.class);
        await().atMost(PATIENCE).until(() -> !streamThreadsOf(application).isEmpty());
        long stopping = System.nanoTime();
        insight.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("stop waits no longer than the close timeout")
                .isLessThan(Duration.ofSeconds(12));
        assertThat(streamThreadsOf(application)).as("insight threads alive after stop").isEmpty();
        assertThat(insight.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    }

    @Test
    void aStreamWhoseBrokerComesLateStartsByItself() throws Exception {
        String application = "insight-late-" + UUID.randomUUID();
        try (LateBroker late = new LateBroker()) {
            Properties config = config(application, state.resolve(application), "");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, late.address());
            InsightStreams insight = new InsightStreams(
                    CustomerInsightTopology.build(TOPIC, application, InsightModel.standard(), Duration.ofDays(7), JSON), config,
                    Duration.ofSeconds(1), Duration.ofSeconds(30));
            try {
                insight.start();
                // an attempt gives up after a second: the stream is tried again, queries answer 503 meanwhile
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> unavailable(insight));

                late.open();
                producer.send(new ProducerRecord<>(TOPIC, "CU300001", JSON.writeValueAsString(new Interaction("CU300001", "SKU-0001",
                        "ELECTRONICS", InteractionKind.PURCHASE, "STORE-001", 1, BigDecimal.TEN, Instant.now())))).get();

                await().atMost(PATIENCE).ignoreExceptions().until(() -> insight.profile("CU300001").isPresent());
                assertThat(insight.state()).isEqualTo(KafkaStreams.State.RUNNING);
            } finally {
                insight.stop();
            }
        }
        assertThat(streamThreadsOf(application)).as("insight threads alive after stop").isEmpty();
    }

    private static boolean unavailable(InsightStreams insight) {
        try {
            insight.profile("CU300001");
            return false;
        } catch (CustomerInsight.InsightUnavailableException e) {
            return true;
        }
    }

    @Test
    void twoInstancesAnswerACustomerHeldByTheOtherOneAsTheHolderDoes() throws Exception {
        String application = "insight-two-" + UUID.randomUUID();
        List<String> customers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String customer = String.format("CU2%05d", i);
            customers.add(customer);
            for (int purchase = 0; purchase < i; purchase++) {
                producer.send(new ProducerRecord<>(TOPIC, customer, JSON.writeValueAsString(new Interaction(customer, "SKU-000" + (1 + purchase % 5),
                        "ELECTRONICS", InteractionKind.PURCHASE, "STORE-001", 1, BigDecimal.ONE, Instant.now()))));
            }
        }
        producer.flush();
        try (ProfileServer a = new ProfileServer(); ProfileServer b = new ProfileServer()) {
            InsightStreams first = streamsOf(application, "a", a.port());
            InsightStreams second = streamsOf(application, "b", b.port());
            a.serve(first);
            b.serve(second);

            for (String customer : customers) {
                int purchases = customers.indexOf(customer) + 1;
                // a connection the test's client kept may have been closed by the server meanwhile: ask again
                await().atMost(PATIENCE).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
                    assertThat(a.get(customer, TOKEN)).as("A about " + customer).isEqualTo("200 " + customer + " bought " + purchases);
                    assertThat(b.get(customer, TOKEN)).as("B about " + customer).isEqualTo("200 " + customer + " bought " + purchases);
                });
            }
            // each asked the other (the holder answers only a caller with the token: it went along)
            assertThat(a.passedOn.get()).as("questions A asked B").isPositive();
            assertThat(b.passedOn.get()).as("questions B asked A").isPositive();
            // each sums the articles of its partitions, and both rank with all five: the same neighbours and popularity
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(CustomerInsight.InsightUnavailableException.class).untilAsserted(() -> {
                for (InsightStreams instance : List.of(first, second)) {
                    assertThat(instance.popularity()).as("popular articles an instance knows")
                            .extracting(p -> p.sku()).containsExactlyInAnyOrder("SKU-0001", "SKU-0002", "SKU-0003", "SKU-0004", "SKU-0005");
                    for (int article = 1; article <= 5; article++) {
                        assertThat(instance.neighbours("SKU-000" + article)).as("neighbours of SKU-000" + article).isPresent();
                    }
                }
                for (int article = 1; article <= 5; article++) {
                    assertThat(first.neighbours("SKU-000" + article)).as("both see the same neighbours of SKU-000" + article)
                            .isEqualTo(second.neighbours("SKU-000" + article));
                }
                assertThat(first.popularity()).as("both see the same popularity")
                        .containsExactlyInAnyOrderElementsOf(second.popularity());
            });
        }
    }

    private InsightStreams streamsOf(String application, String instance, int port) {
        InsightStreams streams = new InsightStreams(
                CustomerInsightTopology.build(TOPIC, application, InsightModel.standard(), Duration.ofDays(7), JSON),
                config(application, state.resolve(instance), "localhost:" + port), Duration.ofSeconds(30));
        streams.start();
        return streams;
    }

    /**
     * The insight API's profile question as the controller answers it: the caller's token checked, a customer held by
     * the other instance asked there ({@link InsightStreams#askHolder}), else answered from the local store.
     */
    private static final class ProfileServer implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient client = HttpClient.newHttpClient();
        private final AtomicInteger passedOn = new AtomicInteger();
        private InsightStreams insight;

        ProfileServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/customers/", this::answer);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void serve(InsightStreams streams) {
            this.insight = streams;
        }

        String get(String customer, String token) throws Exception {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/customers/" + customer + "/profile"))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + answer.body();
        }

        private void answer(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String customer = path.split("/")[3];
                String token = exchange.getRequestHeaders().getFirst("Authorization");
                if (!TOKEN.equals(token)) {
                    reply(exchange, 401, "");
                    return;
                }
                Optional<InsightPeers.PeerAnswer> there = exchange.getRequestHeaders().containsKey(InsightPeers.FORWARDED_HEADER)
                        ? Optional.empty() : insight.askHolder(customer, path, token);
                if (there.isPresent()) {
                    passedOn.incrementAndGet();
                    reply(exchange, there.get().status(), there.get().body());
                    return;
                }
                Optional<CustomerProfile> profile = insight.profile(customer);
                reply(exchange, profile.isPresent() ? 200 : 404, profile.map(p -> customer + " bought " + p.purchases()).orElse(""));
            } catch (CustomerInsight.InsightUnavailableException e) {
                reply(exchange, 503, "");
            } catch (RuntimeException e) {
                reply(exchange, 500, e.toString());
            }
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }

        @Override
        public void close() {
            if (insight != null) {
                insight.stop();
            }
            server.stop(0);
        }
    }

    /**
     * The broker's address as a client knows it before the broker answers there: connections are refused until
     * {@link #open()}, then passed through to the test's broker (whose metadata then names its own address).
     */
    private static final class LateBroker implements AutoCloseable {
        private final java.net.ServerSocket listening;
        private final List<java.net.Socket> sockets = new CopyOnWriteArrayList<>();
        private final int port;

        LateBroker() throws IOException {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            listening = new java.net.ServerSocket();
        }

        String address() {
            return "localhost:" + port;
        }

        void open() throws IOException {
            listening.bind(new InetSocketAddress("localhost", port));
            daemon("late-broker", () -> {
                String[] broker = kafka.getBrokersAsString().split(",")[0].split(":");
                while (!listening.isClosed()) {
                    try {
                        java.net.Socket client = listening.accept();
                        java.net.Socket server = new java.net.Socket(broker[0], Integer.parseInt(broker[1]));
                        sockets.addAll(List.of(client, server));
                        pipe(client, server);
                        pipe(server, client);
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        private static void pipe(java.net.Socket from, java.net.Socket to) {
            daemon("late-broker-pipe", () -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException e) {
                    // either side closed
                }
            });
        }

        private static void daemon(String name, Runnable task) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listening.close();
            for (java.net.Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /** A context like the hub's: the broker's stop registered first (so destroyed last), then the stream. */
    private GenericApplicationContext contextWith(String application, List<String> aliveWhenTheBrokerStopped) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("brokerStop", DisposableBean.class, () -> () -> aliveWhenTheBrokerStopped.addAll(streamThreadsOf(application)));
        TillSaleSource tillSales = new TillSaleSource(MOVEMENTS, Duration.ofHours(1), () -> { });
        context.registerBean(InsightStreams.class, () -> new InsightStreams(
                CustomerInsightTopology.build(TOPIC, application, Optional.of(tillSales), InsightModel.standard(), Duration.ofDays(7), JSON),
                config(application, state.resolve(application), ""), Duration.ofSeconds(30)));
        return context;
    }

    private static Properties config(String application, Path stateDir, String server) {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server);
        return config;
    }

    private static List<String> streamThreadsOf(String application) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains(application)).toList();
    }

    /** A lifecycle that starts after the stream and fails: the context's start fails with the stream running. */
    private static final class FailingStart implements SmartLifecycle {
        @Override
        public void start() {
            throw new IllegalStateException("fails on purpose");
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE;
        }
    }
}
