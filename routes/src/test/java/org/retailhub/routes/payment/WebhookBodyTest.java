package org.retailhub.routes.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.retailhub.domain.payment.Payment;
import org.retailhub.domain.payment.PaymentRepository;
import org.retailhub.domain.payment.PaymentStatus;
import org.retailhub.domain.payment.PaymentUpdates;
import org.retailhub.domain.payment.ProviderAnswer;
import org.retailhub.domain.payment.WebhookSignature;
import org.retailhub.domain.support.BrokenInputs;
import org.retailhub.domain.support.BrokenInputs.Broken;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Generated broken webhook bodies, correctly signed (a provider with a bug signs what it sends): each is answered 400
 * with a problem detail that says what is wrong and nothing is looked up or stored, or (where the breakage left a
 * readable event) handled like any event; a well-formed webhook sent right after is recorded.
 */
class WebhookBodyTest {

    static final UUID PAYMENT = UUID.fromString("6b1c1a9e-47a8-4c2e-9d52-4bd1c3f0e001");
    static final String BODY = """
            {"id":"evt_0001","type":"payment.updated","created":1764064500,
             "data":{"paymentId":"psp_0001","reference":"6b1c1a9e-47a8-4c2e-9d52-4bd1c3f0e001","status":"AUTHORISED","reason":""}}""";
    static final String GOOD = BODY.replace("evt_0001", "evt_0002");

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:00Z");
    private static final WebhookSignature SIGNATURE = new WebhookSignature("dev-only-webhook-secret-change-me", Duration.ofMinutes(5));

    @Property(tries = 2000)
    void aBrokenBodyIsAnsweredWithAProblemAndChangesNothing(@ForAll("brokenBodies") Broken broken) {
        Statistics.collect(broken.kind());
        PaymentRepository payments = mock(PaymentRepository.class);
        PaymentUpdates updates = mock(PaymentUpdates.class);
        when(payments.find(any())).thenReturn(Optional.of(mock(Payment.class)));
        when(payments.firstSighting(anyString(), anyString(), any())).thenReturn(true);
        PaymentWebhookController controller = new PaymentWebhookController("simpsp", SIGNATURE, payments, updates,
                mock(PlatformTransactionManager.class), new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());

        ResponseEntity<?> answer = controller.receive("simpsp", SIGNATURE.sign(broken.bytes(), NOW), broken.bytes());
        if (answer.getStatusCode().value() == 400) {
            assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class, p -> assertThat(p.getDetail()).isNotBlank());
            verifyNoInteractions(payments, updates);
        } else {
            assertThat(answer.getStatusCode().value()).as("a readable event is handled").isIn(200, 401);
        }

        byte[] good = BrokenInputs.utf8(GOOD);
        assertThat(controller.receive("simpsp", SIGNATURE.sign(good, NOW), good).getStatusCode().value()).isEqualTo(200);
        verify(payments).firstSighting("simpsp", "evt_0002", PAYMENT);
        verify(payments, atLeastOnce()).record(eq(PAYMENT), eq(new ProviderAnswer("psp_0001", PaymentStatus.AUTHORISED, null, null)));
    }

    @Provide
    Arbitrary<Broken> brokenBodies() {
        return BrokenInputs.json(BODY);
    }
}
