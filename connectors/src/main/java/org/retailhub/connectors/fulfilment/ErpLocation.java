package org.retailhub.connectors.fulfilment;

import java.net.URI;

/** Where the ERP answers when it is not {@code hub.erp.base-url}, e.g. the in-process simulator on a free port. */
@FunctionalInterface
public interface ErpLocation {

    URI baseUrl();
}
