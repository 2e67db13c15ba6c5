package org.retailhub.app.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the in-process simulators of the embedded default keep their state ({@code hub.simulators.*}); each party in
 * a folder of its own below it ({@code psp}, {@code crm-gift-cards}, {@code erp}; the CRM customer API keeps its
 * customers in the CRM's database). Whether a party is simulated is that party's own switch:
 * {@code hub.payment.psp.simulator}, {@code hub.crm.simulator}, {@code hub.crm.customers.simulator}, {@code hub.erp.simulator}.
 *
 * @param stateDir the folder; blank (default) = beside the embedded PostgreSQL's data ({@code <hub.embedded.data-dir>/../simulators},
 *                 i.e. {@code .hub-data/simulators}), or a temporary folder removed at stop when that is blank too
 */
@ConfigurationProperties("hub.simulators")
public record SimulatorProperties(@DefaultValue("") String stateDir) {
}
