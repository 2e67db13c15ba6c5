package org.retailhub.domain.fulfilment;

/** The ERP could not be reached after the client's retries; the process step fails and is retried by the engine. */
public class ErpUnavailableException extends RuntimeException {

    public ErpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
