package org.retailhub.domain.replenishment;

/**
 * Port: the ERP's IDoc inbound, the way into the ERP for documents in its own format. Takes one IDoc (XML) under a
 * reference, once per reference (the same reference again changes nothing at the ERP), and answers the ERP's status
 * IDoc (XML). An ERP that cannot be reached throws {@link org.retailhub.domain.fulfilment.ErpUnavailableException}.
 */
public interface ErpIdocInbound {

    byte[] deliver(byte[] idoc, String reference);
}
