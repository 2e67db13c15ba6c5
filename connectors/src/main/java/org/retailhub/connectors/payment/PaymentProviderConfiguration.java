package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.WebhookSignature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PSP client with its retry and circuit breaker, the webhook signature, and the in-process simulator when enabled. */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "hub.payment.psp.simulator", havingValue = "true", matchIfMissing = true)
    PspSimulator pspSimulator(PspProperties properties) {
        PspSimulator simulator = PspSimulator.start(properties.simulatorPort(), properties.webhookSecret());
        simulator.webhookDelay(properties.simulatorWebhookDelay());
        simulator.latency(properties.simulatorLatency());
        return simulator;
    }

    /** The simulator sends its webhooks to this hub once the web server's port is known. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> simulatorWebhookTarget(ObjectProvider<PspSimulator> simulator, PspProperties properties) {
        return event -> simulator.ifAvailable(sim -> sim.sendWebhooksTo(URI.create("http://localhost:" + event.getWebServer().getPort()
                + "/api/payments/webhooks/" + properties.provider())));
    }

    @Bean
    PaymentProvider paymentProvider(PspProperties properties, ObjectProvider<PspSimulator> simulator, ObjectMapper json) {
        Optional<PspSimulator> inProcess = Optional.ofNullable(simulator.getIfAvailable());
        return new PspClient(() -> inProcess.map(PspSimulator::baseUrl).orElse(properties.baseUrl()), calls("psp", properties, json));
    }

    @Bean
    GiftCards giftCards(CrmProperties crm, ObjectProvider<CrmLocation> location, PspProperties properties, ObjectMapper json) {
        return new CrmGiftCardClient(() -> Optional.ofNullable(location.getIfAvailable()).map(CrmLocation::baseUrl).orElse(crm.baseUrl()),
                calls("crm", properties, json));
    }

    static ResilientJsonCalls calls(String party, PspProperties properties, ObjectMapper json) {
        return ResilientJsonCalls.standard(party, properties.connectTimeout(), properties.readTimeout(), properties.maxAttempts(),
                properties.retryWait(), json);
    }

    @Bean
    WebhookSignature pspWebhookSignature(PspProperties properties) {
        return new WebhookSignature(properties.webhookSecret(), properties.webhookTolerance());
    }
}
