package org.retailhub.domain.insight;

/**
 * What a customer did with an article, and how much it says about their interest: a purchase says most, a removal
 * from the cart says nothing in favour of the article (it counts for the customer's activity only).
 */
public enum InteractionKind {
    VIEW(1.0),
    ADD_TO_CART(3.0),
    REMOVE_FROM_CART(0.0),
    PURCHASE(5.0);

    private final double interest;

    InteractionKind(double interest) {
        this.interest = interest;
    }

    /** The weight of this kind of interaction in profiles, co-occurrences and popularity. */
    public double interest() {
        return interest;
    }
}
