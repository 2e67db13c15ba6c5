package org.retailhub.legacy.crm;

import java.util.Random;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the CRM's agents do: book loyalty points after a campaign, correct a customer's phone number. */
public final class CrmAgentActivity implements Consumer<Random> {

    private final JdbcTemplate crm;

    public CrmAgentActivity(JdbcTemplate crm) {
        this.crm = crm;
    }

    @Override
    public void accept(Random random) {
        String custNo = String.format("C%07d", 1 + random.nextInt(37));
        if (random.nextBoolean()) {
            crm.update("update contact set loyalty_points = loyalty_points + ?, modified_by = 'agent.lisa', modified_at = now() "
                    + "where cust_no = ? and not deleted", 5 * (1 + random.nextInt(10)), custNo);
        } else {
            crm.update("update contact set phone = ?, modified_by = 'agent.tom', modified_at = now() where cust_no = ? and not deleted",
                    "+49 40 " + (5550000 + random.nextInt(9999)), custNo);
        }
    }
}
