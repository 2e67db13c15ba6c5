package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;
import org.retailhub.domain.payment.WebhookSignature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PSP and CRM gift card clients, each with its own settings, retry and circuit breaker, and the webhook signature.
 * Both parties' outages reach the payment steps as {@link PaymentProviderUnavailableException}.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    @Bean
    PaymentProvider paymentProvider(PspProperties psp, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return new PspClient(PartyClient.standard(PspProperties.PARTY, psp, inProcess.orderedStream().toList(), json,
                PaymentProviderUnavailableException::new));
    }

    @Bean
    GiftCards giftCards(CrmGiftCardProperties crm, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return new CrmGiftCardClient(PartyClient.standard(CrmGiftCardProperties.PARTY, crm, inProcess.orderedStream().toList(), json,
                PaymentProviderUnavailableException::new));
    }

    @Bean
    WebhookSignature pspWebhookSignature(PspProperties properties) {
        return new WebhookSignature(properties.webhookSecret(), properties.webhookTolerance());
    }
}
