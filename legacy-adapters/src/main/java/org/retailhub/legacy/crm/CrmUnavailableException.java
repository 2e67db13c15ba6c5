package org.retailhub.legacy.crm;

/**
 * The CRM's customer API could not be reached after the client's retries (or its circuit is open): the change is not
 * refused, it is to be tried again once the CRM answers.
 */
public class CrmUnavailableException extends RuntimeException {

    public CrmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
