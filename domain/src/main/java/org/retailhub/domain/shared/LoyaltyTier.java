package org.retailhub.domain.shared;

/** The customer's loyalty tier as the channel reports it; promotions may depend on it. */
public enum LoyaltyTier {
    NONE, SILVER, GOLD, PLATINUM
}
