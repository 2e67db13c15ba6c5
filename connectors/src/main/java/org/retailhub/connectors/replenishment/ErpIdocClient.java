package org.retailhub.connectors.replenishment;

import org.retailhub.connectors.party.PartyClient;
import org.retailhub.domain.replenishment.ErpIdocInbound;

/**
 * Posts IDocs to the ERP's inbound ({@code POST /erp/idocs}, XML, the reference as {@code Idempotency-Key}) through the
 * hub's {@link PartyClient} with the party's own settings ({@code hub.erp.purchasing.*}): time-outs, retries with the
 * same reference, circuit breaker.
 */
public class ErpIdocClient implements ErpIdocInbound {

    static final String PATH = "/erp/idocs";

    private final PartyClient calls;

    public ErpIdocClient(PartyClient calls) {
        this.calls = calls;
    }

    @Override
    public byte[] deliver(byte[] idoc, String reference) {
        return calls.post(PATH, idoc, "application/xml", reference);
    }
}
