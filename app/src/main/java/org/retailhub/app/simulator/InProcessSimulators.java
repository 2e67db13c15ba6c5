package org.retailhub.app.simulator;

import java.net.URI;
import java.util.Map;
import org.retailhub.app.consistency.IslandDatabases;
import org.retailhub.connectors.customer.CrmCustomerProperties;
import org.retailhub.connectors.fulfilment.ErpProperties;
import org.retailhub.connectors.party.PartyAddress;
import org.retailhub.connectors.payment.CrmGiftCardProperties;
import org.retailhub.connectors.payment.PspProperties;
import org.retailhub.domain.consistency.Island;
import org.retailhub.simulator.Simulator;
import org.retailhub.simulator.crm.CrmCustomerApi;
import org.retailhub.simulator.crm.CrmGiftCardSimulator;
import org.retailhub.simulator.erp.ErpDeliverySimulator;
import org.retailhub.simulator.psp.PspSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's outside parties, each simulated in this JVM over real HTTP when its own switch is on
 * ({@code hub.<party>.simulator}, default true), each started the same way (port, state folder) and registered as
 * that party's {@link PartyAddress}, so the party's client calls it instead of the configured base URL. Their state
 * survives a restart of the hub ({@link SimulatorFolders}). The same simulators run as processes of their own with
 * {@code ops/scripts/simulator.sh}; then switch the party's simulator off and set its base URL.
 */
@Configuration(proxyBeanMethods = false)
class InProcessSimulators {

    private static final Logger log = LoggerFactory.getLogger(InProcessSimulators.class);

    @Bean(destroyMethod = "close")
    SimulatorFolders simulatorFolders(SimulatorProperties properties, @Value("${hub.embedded.data-dir:}") String embeddedDataDir) {
        return SimulatorFolders.of(properties, embeddedDataDir);
    }

    static <S extends Simulator> S announced(String party, S simulator) {
        log.info("simulator {} listening on {} (in-process)", party, simulator.baseUrl());
        return simulator;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hub.payment.psp.simulator", havingValue = "true", matchIfMissing = true)
    static class PspSimulation {

        @Bean(destroyMethod = "close")
        PspSimulator pspSimulator(PspProperties psp, SimulatorFolders folders) {
            PspSimulator simulator = PspSimulator.start(psp.simulatorPort(), folders.of("psp"), psp.webhookSecret());
            simulator.webhookDelay(psp.simulatorWebhookDelay());
            simulator.latency(psp.simulatorLatency());
            return announced(PspProperties.PARTY, simulator);
        }

        @Bean
        PartyAddress pspAddress(PspSimulator simulator) {
            return new PartyAddress(PspProperties.PARTY, simulator::baseUrl);
        }

        /** The simulator sends its webhooks to this hub once the web server's port is known (and what was due meanwhile). */
        @Bean
        ApplicationListener<WebServerInitializedEvent> pspWebhookTarget(ObjectProvider<PspSimulator> simulator, PspProperties psp) {
            return event -> simulator.ifAvailable(sim -> sim.sendWebhooksTo(URI.create("http://localhost:" + event.getWebServer().getPort()
                    + "/api/payments/webhooks/" + psp.provider())));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hub.crm.simulator", havingValue = "true", matchIfMissing = true)
    static class CrmGiftCardSimulation {

        @Bean(destroyMethod = "close")
        CrmGiftCardSimulator crmGiftCardSimulator(CrmGiftCardProperties crm, SimulatorFolders folders) {
            return announced(CrmGiftCardProperties.PARTY, CrmGiftCardSimulator.start(crm.simulatorPort(), folders.of("crm-gift-cards")));
        }

        @Bean
        PartyAddress crmGiftCardAddress(CrmGiftCardSimulator simulator) {
            return new PartyAddress(CrmGiftCardProperties.PARTY, simulator::baseUrl);
        }
    }

    /** The CRM's customer API, served from the CRM island's database; the API user is the hub's writer name, so the CRM records it on every change the hub makes. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hub.crm.customers.simulator", havingValue = "true", matchIfMissing = true)
    static class CrmCustomerApiSimulation {

        @Bean(destroyMethod = "close")
        CrmCustomerApi crmCustomerApi(IslandDatabases databases, CrmCustomerProperties customers) {
            return announced(CrmCustomerProperties.PARTY, CrmCustomerApi.start(customers.simulatorPort(), databases.crm(),
                    Map.of(Island.HUB_WRITER, customers.password())));
        }

        @Bean
        PartyAddress crmCustomerAddress(CrmCustomerApi simulator) {
            return new PartyAddress(CrmCustomerProperties.PARTY, simulator::baseUrl);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hub.erp.simulator", havingValue = "true", matchIfMissing = true)
    static class ErpSimulation {

        @Bean(destroyMethod = "close")
        ErpDeliverySimulator erpDeliverySimulator(ErpProperties erp, SimulatorFolders folders) {
            return announced(ErpProperties.PARTY, ErpDeliverySimulator.start(erp.simulatorPort(), folders.of("erp")));
        }

        @Bean
        PartyAddress erpAddress(ErpDeliverySimulator simulator) {
            return new PartyAddress(ErpProperties.PARTY, simulator::baseUrl);
        }
    }
}
