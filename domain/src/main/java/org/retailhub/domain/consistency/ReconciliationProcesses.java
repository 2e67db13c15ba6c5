package org.retailhub.domain.consistency;

/** Port to the reconciliation process: besides its timer, an operator or a test can start a run now. */
public interface ReconciliationProcesses {

    /**
     * Starts a reconciliation run and returns its process instance id.
     *
     * @throws ReconciliationRunningException while another run is active (on any hub instance): one run at a time
     */
    String startNow();
}
