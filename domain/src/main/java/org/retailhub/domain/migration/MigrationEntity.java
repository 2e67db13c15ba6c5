package org.retailhub.domain.migration;

import java.util.List;
import org.retailhub.domain.consistency.Island;

/** What a data migration moves out of the legacy islands, each from the island that keeps it, into its canonical table. */
public enum MigrationEntity {
    CUSTOMERS(Island.CRM, "migrated_customer",
            List.of("customer_key", "full_name", "email", "phone", "loyalty_points", "tier")),
    ARTICLES(Island.ERP, "migrated_article",
            List.of("sku", "material_no", "name", "category", "unit", "price", "currency")),
    LOYALTY_ACCOUNTS(Island.CRM, "migrated_loyalty_account",
            List.of("customer_key", "card_no", "holder_name", "email", "phone", "postcode", "points", "opened_on")),
    SALES(Island.POS, "migrated_sale",
            List.of("store_id", "receipt_no", "line_no", "sold_on", "sku", "quantity", "amount", "loyalty_card"));

    private final Island island;
    private final String table;
    private final List<String> columns;

    MigrationEntity(Island island, String table, List<String> columns) {
        this.island = island;
        this.table = table;
        this.columns = columns;
    }

    public Island island() {
        return island;
    }

    /** The canonical table's name, the same in every target schema. */
    public String table() {
        return table;
    }

    /** The canonical columns in the order a transformed row carries its values (besides its source key). */
    public List<String> columns() {
        return columns;
    }
}
