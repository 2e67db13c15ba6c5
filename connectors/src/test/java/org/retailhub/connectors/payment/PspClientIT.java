package org.retailhub.connectors.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.order.PaymentMethod;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.payment.WebhookSignature;
import org.retailhub.domain.shared.Money;
import org.retailhub.simulator.psp.PspSimulator;

/** The hub's PSP client against the simulator over real HTTP: retries keep one key, so nothing is charged twice. */
class PspClientIT {

    private static final String SECRET = "test-only-webhook-secret";

    private PspSimulator psp;
    private PspClient client;
    private CircuitBreaker breaker;

    @BeforeEach
    void start() {
        psp = PspSimulator.start(0, SECRET);
        PspProperties props = new PspProperties("simpsp", psp.baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(800), 3,
                Duration.ofMillis(50), SECRET, Duration.ofMinutes(5), false, 0, Duration.ofMillis(100), Duration.ZERO);
        breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom().slidingWindowSize(6).minimumNumberOfCalls(6)
                .failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .recordExceptions(PartyClient.TransientFailure.class).build());
        Retry retry = Retry.of("test", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(50))
                .retryExceptions(PartyClient.TransientFailure.class).build());
        client = new PspClient(new PartyClient("psp", psp::baseUrl, props.connectTimeout(), props.readTimeout(), new ObjectMapper(),
                retry, breaker, PaymentProviderUnavailableException::new));
    }

    @AfterEach
    void stop() {
        psp.close();
    }

    @Test
    void fiveHundredsThenSuccessCaptureExactlyOnce() {
        Payment payment = payment("25.00", PaymentMethod.CARD);
        psp.failNext(2);
        ProviderAnswer authorised = client.authorise(payment, payment.id() + ":authorise");
        assertThat(authorised.status()).isEqualTo(PaymentStatus.AUTHORISED);

        psp.failNext(2);
        ProviderAnswer captured = client.capture(withProviderId(payment, authorised), payment.id() + ":capture");

        assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(psp.payments()).hasSize(1);
        assertThat(psp.byReference(payment.id().toString()).captures()).isEqualTo(1);
    }

    @Test
    void timeOutAfterTheProviderActedIsRetriedWithTheSameKeyAndChargesOnce() {
        Payment payment = payment("40.00", PaymentMethod.CARD);
        ProviderAnswer authorised = client.authorise(payment, payment.id() + ":authorise");
        psp.hangNext(1, Duration.ofSeconds(2));

        ProviderAnswer captured = client.capture(withProviderId(payment, authorised), payment.id() + ":capture");

        assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(psp.byReference(payment.id().toString()).captures()).isEqualTo(1);
        // an operator retrying the step later sends the same key again: still one capture
        client.capture(withProviderId(payment, authorised), payment.id() + ":capture");
        assertThat(psp.byReference(payment.id().toString()).captures()).isEqualTo(1);
    }

    @Test
    void cancelByReferenceVoidsAPendingAuthorisation() {
        Payment payment = payment("30.00", PaymentMethod.WALLET);
        psp.webhookDelay(Duration.ofMinutes(10));
        assertThat(client.authorise(payment, payment.id() + ":authorise").status()).isEqualTo(PaymentStatus.PENDING);

        ProviderAnswer cancelled = client.cancelByReference(payment, payment.id() + ":cancel");

        assertThat(cancelled.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(psp.byReference(payment.id().toString()).status()).isEqualTo("VOIDED");
        assertThat(psp.payments()).hasSize(1);
    }

    @Test
    void cancelByReferenceBeforeTheAuthorisationArrivesRefusesIt() {
        Payment payment = payment("30.00", PaymentMethod.CARD);

        assertThat(client.cancelByReference(payment, payment.id() + ":cancel").status()).isEqualTo(PaymentStatus.VOIDED);
        ProviderAnswer late = client.authorise(payment, payment.id() + ":authorise");

        assertThat(late.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(psp.payments()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("VOIDED");
            assertThat(p.captures()).isZero();
        });
    }

    @Test
    void amountEndingInThirteenCentsIsDeclinedWithTheIssuersReason() {
        ProviderAnswer answer = client.authorise(payment("19.13", PaymentMethod.CARD), UUID.randomUUID().toString());

        assertThat(answer.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(answer.reason()).isEqualTo("insufficient funds");
    }

    @Test
    void providerDownLongerThanTheRetriesIsReportedAndTheCircuitOpens() {
        psp.failNext(1000);
        assertThatThrownBy(() -> client.authorise(payment("10.00", PaymentMethod.CARD), "k1"))
                .isInstanceOf(PaymentProviderUnavailableException.class).hasMessageContaining("HTTP 503");
        assertThatThrownBy(() -> client.authorise(payment("10.00", PaymentMethod.CARD), "k2"))
                .isInstanceOf(PaymentProviderUnavailableException.class);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> client.authorise(payment("10.00", PaymentMethod.CARD), "k3"))
                .isInstanceOf(PaymentProviderUnavailableException.class).hasMessageContaining("CircuitBreaker 'test' is OPEN");
    }

    @Test
    void walletPaymentIsPendingWithARedirectAndItsOutcomeArrivesAsASignedWebhook() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer hub = HttpServer.create(new InetSocketAddress("localhost", 0), 10);
        hub.createContext("/hook", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("PSP-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hub.start();
        try {
            psp.sendWebhooksTo(URI.create("http://localhost:" + hub.getAddress().getPort() + "/hook"));
            psp.webhookDelay(Duration.ofMillis(100));
            Payment payment = payment("12.00", PaymentMethod.WALLET);

            ProviderAnswer answer = client.authorise(payment, payment.id() + ":authorise");

            assertThat(answer.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(answer.redirectUrl()).contains("/wallet/" + answer.providerPaymentId());
            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            String[] webhook = received.get(0);
            assertThat(webhook[1]).contains("payment.authorised").contains(payment.id().toString());
            assertThat(new WebhookSignature(SECRET, Duration.ofMinutes(5)).verify(webhook[0], webhook[1].getBytes(), Instant.now())).isTrue();
            assertThat(client.status(withProviderId(payment, answer)).status()).isEqualTo(PaymentStatus.AUTHORISED);
        } finally {
            hub.stop(0);
        }
    }

    private static Payment payment(String amount, PaymentMethod method) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), method, Money.of(amount, "EUR"), PaymentStatus.REQUESTED, null, null, null);
    }

    private static Payment withProviderId(Payment p, ProviderAnswer answer) {
        return new Payment(p.id(), p.orderId(), p.method(), p.amount(), answer.status(), answer.providerPaymentId(), null, null);
    }
}
