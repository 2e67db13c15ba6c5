package org.retailhub.simulator.rfid;

/**
 * A tagged piece of an article: SGTIN under the sample company prefix 4012345 with the SKU's number as item reference
 * (SKU-0002: item reference 000002), as the hub's sample data ({@code hub.article_gtin}) has it.
 */
public record SimulatedTag(int skuNumber, long serial, String hex) {

    public static final String COMPANY_PREFIX = "4012345";

    public static SimulatedTag of(int skuNumber, long serial) {
        return new SimulatedTag(skuNumber, serial, Sgtin96.hex(1, COMPANY_PREFIX, String.format("%06d", skuNumber), serial));
    }

    /** {@code SKU-0002}, as the hub's sample articles are named. */
    public String sku() {
        return String.format("SKU-%04d", skuNumber);
    }
}
