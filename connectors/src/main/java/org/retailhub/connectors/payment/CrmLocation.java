package org.retailhub.connectors.payment;

import java.net.URI;

/** Where the CRM answers when it is not {@code hub.crm.base-url}, e.g. the in-process simulator on a free port. */
@FunctionalInterface
public interface CrmLocation {

    URI baseUrl();
}
