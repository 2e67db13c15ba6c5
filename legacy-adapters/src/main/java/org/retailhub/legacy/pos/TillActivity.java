package org.retailhub.legacy.pos;

import java.util.Random;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the tills of stores 11 and 12 do all day: ring up one to three pieces of an article per receipt. */
public final class TillActivity implements Consumer<Random> {

    private final JdbcTemplate pos;

    public TillActivity(JdbcTemplate pos) {
        this.pos = pos;
    }

    @Override
    public void accept(Random random) {
        int plu = 4001 + random.nextInt(45);
        int qty = 1 + random.nextInt(3);
        pos.update("insert into till_sale (store_no, till_no, receipt_no, line_no, plu, qty, amount_cents) "
                        + "select ?, ?, nextval('receipt_no_seq'), 1, plu, ?, price_cents * ? from plu_item where plu = ? and status = 'A'",
                11 + random.nextInt(2), 1 + random.nextInt(4), qty, qty, plu);
    }
}
