package org.retailhub.domain.insight;

/**
 * One recommended article.
 *
 * @param score  higher is better; comparable within one answer only
 * @param basis  why: bought or viewed together with what the customer showed interest in, or popular lately
 */
public record Recommendation(String sku, double score, Basis basis) {

    public enum Basis { CO_OCCURRENCE, POPULARITY }
}
