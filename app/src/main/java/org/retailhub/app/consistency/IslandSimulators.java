package org.retailhub.app.consistency;

import java.util.List;
import org.retailhub.legacy.crm.CrmAgentActivity;
import org.retailhub.legacy.erp.ErpClerkActivity;
import org.retailhub.legacy.pos.TillActivity;
import org.retailhub.legacy.simulator.IslandSimulator;

/** The embedded default's busy islands: tills, ERP clerks and CRM agents writing every {@code hub.islands.simulator-pause}. */
final class IslandSimulators implements AutoCloseable {

    private final List<IslandSimulator> running;

    IslandSimulators(IslandsProperties properties, IslandDatabases databases) {
        this.running = properties.simulatorPause().isZero() ? List.of() : List.of(
                IslandSimulator.start("pos-tills", properties.simulatorPause(), new TillActivity(databases.pos())),
                IslandSimulator.start("erp-clerks", properties.simulatorPause(), new ErpClerkActivity(databases.erp())),
                IslandSimulator.start("crm-agents", properties.simulatorPause(), new CrmAgentActivity(databases.crm())));
    }

    @Override
    public void close() {
        running.forEach(IslandSimulator::close);
    }
}
