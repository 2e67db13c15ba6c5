package org.retailhub.simulator;

import java.net.URI;

/**
 * A simulated outside party over real HTTP. Every one starts the same way, {@code start(port, state)}: a port (0 = any
 * free port), and where it keeps its state so that a restart, even after a SIGKILL, finds it again (a folder for the
 * PSP, the CRM's gift cards and the ERP's deliveries, {@link SimulatorState}; the CRM's own database for its customer
 * API). It answers at {@link #baseUrl()} until {@link #close()}. {@link SimulatorCommand} runs any of them as a
 * process of its own.
 */
public interface Simulator extends AutoCloseable {

    /** Where it answers, {@code http://127.0.0.1:<port>}. */
    URI baseUrl();

    /** Stops answering; its state stays where it was kept. */
    @Override
    void close();
}
