package org.retailhub.legacy.migration;

/**
 * A row of the POS's archived {@code sale_history} as read for the migration, with what the query found around it.
 *
 * @param knownArticle false when the PLU is not in the POS's PLU master (an orphan)
 * @param duplicate    true when an earlier row has the same store, receipt and line
 */
record LegacySale(long saleId, int storeNo, int receiptNo, int lineNo, String soldOn, int plu, int qty, int amountCents,
                  String cardNo, boolean knownArticle, boolean duplicate) {

    static final String SELECT = """
            s.sale_id, s.store_no, s.receipt_no, s.line_no, s.sold_on, s.plu, s.qty, s.amount_cents, s.card_no,
            exists (select 1 from plu_item p where p.plu = s.plu) as known_article,
            exists (select 1 from sale_history d where d.store_no = s.store_no and d.receipt_no = s.receipt_no
                    and d.line_no = s.line_no and d.sale_id < s.sale_id) as duplicate""";
    static final String FROM = "sale_history s";
    static final String KEY = "sale_id";

    static LegacySale read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LegacySale(rs.getLong("sale_id"), rs.getInt("store_no"), rs.getInt("receipt_no"), rs.getInt("line_no"),
                rs.getString("sold_on"), rs.getInt("plu"), rs.getInt("qty"), rs.getInt("amount_cents"), rs.getString("card_no"),
                rs.getBoolean("known_article"), rs.getBoolean("duplicate"));
    }
}
