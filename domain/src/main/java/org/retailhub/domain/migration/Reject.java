package org.retailhub.domain.migration;

/** Why a row is refused: the business or data rule it breaks, and the reason an operator reads in the quarantine. */
public record Reject(String rule, String reason) {

    public static final String BAD_DATE = "BAD_DATE";
    public static final String BAD_EMAIL = "BAD_EMAIL";
    public static final String BAD_ENCODING = "BAD_ENCODING";
    public static final String ORPHAN = "ORPHAN";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String BUSINESS_RULE = "BUSINESS_RULE";

    public Reject {
        reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
