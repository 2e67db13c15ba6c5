package org.retailhub.legacy.erp;

import java.math.BigDecimal;
import java.util.Random;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the ERP's users do: post goods receipts into a plant's stock, and now and then change a list price. */
public final class ErpClerkActivity implements Consumer<Random> {

    private final JdbcTemplate erp;

    public ErpClerkActivity(JdbcTemplate erp) {
        this.erp = erp;
    }

    @Override
    public void accept(Random random) {
        String matnr = String.format("%018d", 100001 + random.nextInt(50));
        if (random.nextInt(5) == 0) {
            erp.update("update a004 set kbetr = round(kbetr * ?, 2), aenam = 'PRICING', laeda = localtimestamp where vkorg = 'DE01' and matnr = ?",
                    // a BigDecimal factor: numeric * double would be double, and PostgreSQL has no round(double, int)
                    new BigDecimal(random.nextBoolean() ? "1.02" : "0.98"), matnr);
        } else {
            erp.update("update mard set labst = labst + ?, aenam = 'WMS', laeda = localtimestamp where matnr = ? and werks = ?",
                    10 * (1 + random.nextInt(5)), matnr, new String[] {"1001", "1002", "2000"}[random.nextInt(3)]);
        }
    }
}
