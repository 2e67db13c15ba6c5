package org.retailhub.simulator.crm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer as the CRM's API writes and reads it: the server's side of the format (the hub's client keeps its own,
 * {@code org.retailhub.legacy.crm.CrmCustomer}; client and server are separate parties). {@code customerNo},
 * {@code modifiedBy} and {@code modifiedAt} are set by the CRM; an absent {@code active} means active.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiCustomer(String customerNo, String salutation, String firstName, String lastName, String email, String phone,
                   Integer loyaltyPoints, String tier, Boolean active, String externalRef, String modifiedBy, String modifiedAt) {

    boolean isActive() {
        return active == null || active;
    }
}
