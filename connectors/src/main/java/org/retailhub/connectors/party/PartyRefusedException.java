package org.retailhub.connectors.party;

/**
 * A party answered, and said no (HTTP 3xx/4xx): retrying the same request would not help. It stays an
 * {@link IllegalStateException}, as the callers (process steps, CDC propagation) treat it today, and names the party
 * and its HTTP status. The message carries the party's answer with card-like numbers masked.
 */
public class PartyRefusedException extends IllegalStateException {

    private final String party;
    private final int status;

    public PartyRefusedException(String party, int status, String message) {
        super(message);
        this.party = party;
        this.status = status;
    }

    public String party() {
        return party;
    }

    public int status() {
        return status;
    }
}
