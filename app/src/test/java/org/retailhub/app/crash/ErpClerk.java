package org.retailhub.app.crash;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk typing prices into the ERP (condition table {@code a004}) one commit at a time, outside the hub, while the
 * hub captures the ERP's changes. A write the ERP's database refused (it went down) is typed again until it commits.
 */
final class ErpClerk {

    private final JdbcTemplate erp;
    private final AtomicInteger committed = new AtomicInteger();
    private Thread typing;

    ErpClerk(JdbcTemplate erp) {
        this.erp = erp;
    }

    /** Starts typing {@code changes} prices, the n-th one {@code 10 + (round*1000 + n)/100} EUR for article n modulo 50. */
    void type(int round, int changes) {
        typing = new Thread(() -> {
            for (int i = 1; i <= changes; i++) {
                BigDecimal price = new BigDecimal(round * 1000 + i).movePointLeft(2).add(BigDecimal.TEN);
                String article = String.format("%018d", 100000 + 1 + i % 50);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(DataAccessException.class)
                        .until(() -> erp.update("update a004 set kbetr = ? * kpein, aenam = 'CLERK7' where matnr = ?", price, article) == 1);
                committed.incrementAndGet();
            }
        }, "erp-clerk-" + round);
        typing.setDaemon(true);
        typing.start();
    }

    int committed() {
        return committed.get();
    }

    void awaitDone() {
        await().atMost(Duration.ofMinutes(5)).until(() -> !typing.isAlive());
    }
}
