package org.retailhub.domain.consistency;

/** A reconciliation was asked for while another run is active; {@link #activeRun()} names it (null if it ended meanwhile). */
public class ReconciliationRunningException extends RuntimeException {

    private final String activeRun;

    public ReconciliationRunningException(String activeRun) {
        super("reconciliation run " + activeRun + " is active; one run at a time");
        this.activeRun = activeRun;
    }

    public String activeRun() {
        return activeRun;
    }
}
