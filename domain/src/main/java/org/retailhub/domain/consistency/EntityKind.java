package org.retailhub.domain.consistency;

/** The kinds of record reconciliation compares across islands; field ownership is declared per kind. */
public enum EntityKind {
    /** Article master: name and category. */
    ARTICLE,
    /** List price. */
    PRICE,
    /** Stock on hand per store. */
    STOCK,
    /** Customer contact and loyalty points. */
    CUSTOMER
}
