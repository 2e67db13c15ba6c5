package org.retailhub.legacy.crm;

import java.util.List;

/**
 * The CRM's customer service as the hub calls it (JSON over HTTP, {@link CrmCustomerClient}); the hub never writes
 * the CRM's tables. A refusal (validation) is an {@link IllegalStateException} carrying the CRM's problem detail; a CRM
 * that cannot be reached, a {@link CrmUnavailableException}.
 */
public interface CrmCustomers {

    /** Every customer the CRM has, retired ones included, read page by page. */
    List<CrmCustomer> all();

    /** One customer by the CRM's number; refused (404) when the CRM has no such customer. */
    CrmCustomer get(String customerNo);

    /** Creates a customer; idempotent by {@link CrmCustomer#externalRef()}. Returns it with its new number. */
    CrmCustomer create(CrmCustomer customer);

    /** Replaces the editable fields of an existing customer (names, email, loyalty balance, active). */
    CrmCustomer update(String customerNo, CrmCustomer customer);
}
