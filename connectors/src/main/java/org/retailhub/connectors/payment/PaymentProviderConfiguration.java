package org.retailhub.connectors.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.payment.GiftCards;
import org.retailhub.domain.payment.PaymentProvider;
import org.retailhub.domain.payment.PaymentProviderUnavailableException;
import org.retailhub.domain.payment.WebhookSignature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PSP and CRM gift card clients, each with its own settings, retry and circuit breaker, and the webhook signature.
 * Both parties' outages reach the payment steps as {@link PaymentProviderUnavailableException}.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    /** A bean of its own so that the circuit's state can be measured and reported (health, metrics). */
    @Bean
    PartyClient pspParty(PspProperties psp, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return PartyClient.standard(PspProperties.PARTY, psp, inProcess.orderedStream().toList(), json, PaymentProviderUnavailableException::new);
    }

    @Bean
    PaymentProvider paymentProvider(@Qualifier("pspParty") PartyClient psp) {
        return new PspClient(psp);
    }

    @Bean
    PartyClient crmGiftCardParty(CrmGiftCardProperties crm, ObjectProvider<PartyAddress> inProcess, ObjectMapper json) {
        return PartyClient.standard(CrmGiftCardProperties.PARTY, crm, inProcess.orderedStream().toList(), json,
                PaymentProviderUnavailableException::new);
    }

    @Bean
    GiftCards giftCards(@Qualifier("crmGiftCardParty") PartyClient crm) {
        return new CrmGiftCardClient(crm);
    }

    @Bean
    WebhookSignature pspWebhookSignature(PspProperties properties) {
        return new WebhookSignature(properties.webhookSecret(), properties.webhookTolerance());
    }
}
