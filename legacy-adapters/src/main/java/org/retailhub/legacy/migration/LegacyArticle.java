package org.retailhub.legacy.migration;

import java.math.BigDecimal;

/**
 * A material of the ERP's master ({@code mara}) with its sales price condition ({@code a004}, sales organisation DE01)
 * as read for the migration, keyed by its material number as a number.
 *
 * @param amount    the price per {@code priceUnit} pieces; null when the material has no price condition
 * @param deletion  the ERP's deletion flag ({@code X}) or null
 */
record LegacyArticle(long materialKey, String matnr, String name, String group, String unit, String deletion, BigDecimal amount,
                     Integer priceUnit, String currency) {

    static final String SELECT = "a.material_key, a.matnr, a.maktx, a.matkl, a.meins, a.lvorm, a.kbetr, a.kpein, a.konwa";
    static final String FROM = """
            (select m.*, cast(substring(m.matnr from '[0-9]+') as bigint) as material_key, p.kbetr, p.kpein, p.konwa
               from mara m left join a004 p on p.matnr = m.matnr and p.vkorg = 'DE01') a""";
    static final String KEY = "material_key";

    static LegacyArticle read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LegacyArticle(rs.getLong("material_key"), rs.getString("matnr"), rs.getString("maktx"), rs.getString("matkl"),
                rs.getString("meins"), rs.getString("lvorm"), rs.getBigDecimal("kbetr"), rs.getObject("kpein", Integer.class), rs.getString("konwa"));
    }
}
