package org.retailhub.legacy.crm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer as the CRM's JSON API names it (its own field names, not the hub's).
 *
 * @param customerNo    the CRM's number, {@code C} + 7 digits; assigned by the CRM on creation
 * @param firstName     optional
 * @param lastName      required, at most 40 characters
 * @param email         optional, as typed (the hub compares it in lower case)
 * @param loyaltyPoints the loyalty balance, never negative
 * @param active        false once the customer was retired (merged away); the CRM keeps the row
 * @param externalRef   the calling system's own key (the hub's customer id); a second create with the same reference
 *                      returns the customer created first
 * @param modifiedBy    the API user (or CRM agent) who changed the customer last; set by the CRM
 * @param modifiedAt    when, ISO-8601; set by the CRM
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrmCustomer(String customerNo, String salutation, String firstName, String lastName, String email, String phone,
                          Integer loyaltyPoints, String tier, Boolean active, String externalRef, String modifiedBy, String modifiedAt) {

    /** What an integration sends: the fields it may change, and its own reference for an idempotent create. */
    public static CrmCustomer edit(String firstName, String lastName, String email, int loyaltyPoints, boolean active, String externalRef) {
        return new CrmCustomer(null, null, firstName, lastName, email, null, loyaltyPoints, null, active, externalRef, null, null);
    }

    public boolean isActive() {
        return active == null || active;
    }
}
