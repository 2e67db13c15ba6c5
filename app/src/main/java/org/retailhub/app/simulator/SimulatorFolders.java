package org.retailhub.app.simulator;

import java.nio.file.Path;
import org.retailhub.connectors.state.StateFolder;

/**
 * The folder below which each in-process simulator keeps its state: so that a restart of the hub finds the payments,
 * gift card balances and deliveries its simulated parties answered before, like a real party would. A throw-away run
 * (no data folder, as in most tests) gets a temporary folder, removed when the hub stops.
 */
final class SimulatorFolders implements AutoCloseable {

    private final StateFolder root;

    private SimulatorFolders(StateFolder root) {
        this.root = root;
    }

    static SimulatorFolders of(SimulatorProperties properties, String embeddedDataDir) {
        return new SimulatorFolders(StateFolder.of(properties.stateDir(), embeddedDataDir, "simulators"));
    }

    Path of(String party) {
        return root.path().resolve(party);
    }

    @Override
    public void close() {
        root.close();
    }
}
