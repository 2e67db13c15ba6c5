package org.retailhub.legacy.migration;

/**
 * A row of the CRM's {@code contact} as read for the migration, keyed by the digits of its customer number
 * ({@code C0000123} is 123: the batch pages and partitions by a number).
 *
 * @param duplicate true when an earlier contact has the same e-mail in another case (an agent entered the customer twice)
 */
record LegacyCustomer(long contactNo, String custNo, String firstName, String lastName, String email, String phone,
                      int loyaltyPoints, String tier, boolean deleted, boolean duplicate) {

    static final String SELECT = """
            c.contact_no, c.cust_no, c.first_name, c.last_name, c.email, c.phone, c.loyalty_points, c.tier, c.deleted,
            (c.email is not null and exists (select 1 from contact d where lower(d.email) = lower(c.email) and d.cust_no < c.cust_no)) as duplicate""";
    static final String FROM = "(select contact.*, cast(substring(cust_no from '[0-9]+') as bigint) as contact_no from contact) c";
    static final String KEY = "contact_no";

    static LegacyCustomer read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LegacyCustomer(rs.getLong("contact_no"), rs.getString("cust_no"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), rs.getString("phone"), rs.getInt("loyalty_points"), rs.getString("tier"), rs.getBoolean("deleted"),
                rs.getBoolean("duplicate"));
    }
}
