package org.retailhub.domain.consistency;

/** The systems that hold a copy of the retailer's master data: the hub and the three legacy islands. */
public enum Island {
    HUB, POS, ERP, CRM;

    /** The user name an island records for changes the hub wrote into it; how an echo is recognised. */
    public static final String HUB_WRITER = "RETAILHUB";
}
