package org.retailhub.legacy.migration;

import java.time.LocalDate;

/**
 * A row of the CRM's {@code loyalty_account} as read for the migration, with what the query found around it.
 *
 * @param knownCustomer false when the row names a customer number the CRM has no contact for (an orphan)
 * @param duplicate     true when an earlier account has the same card number
 */
record LegacyLoyaltyAccount(long accountNo, String custNo, String cardNo, String holderName, String email, String phone,
                            String postcode, int points, LocalDate openedOn, boolean knownCustomer, boolean duplicate) {

    static final String SELECT = """
            a.account_no, a.cust_no, a.card_no, a.holder_name, a.email, a.phone, a.postcode, a.points, a.opened_on,
            (a.cust_no is null or exists (select 1 from contact c where c.cust_no = a.cust_no)) as known_customer,
            exists (select 1 from loyalty_account d where d.card_no = a.card_no and d.account_no < a.account_no) as duplicate""";
    static final String FROM = "loyalty_account a";
    static final String KEY = "account_no";

    static LegacyLoyaltyAccount read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LegacyLoyaltyAccount(rs.getLong("account_no"), rs.getString("cust_no"), rs.getString("card_no"),
                rs.getString("holder_name"), rs.getString("email"), rs.getString("phone"), rs.getString("postcode"),
                rs.getInt("points"), rs.getObject("opened_on", LocalDate.class), rs.getBoolean("known_customer"), rs.getBoolean("duplicate"));
    }
}
