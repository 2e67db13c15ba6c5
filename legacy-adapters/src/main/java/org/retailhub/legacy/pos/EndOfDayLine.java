package org.retailhub.legacy.pos;

import org.apache.camel.dataformat.bindy.annotation.DataField;
import org.apache.camel.dataformat.bindy.annotation.FixedLengthRecord;

/**
 * One sale line of the POS's end-of-day transaction log, fixed width as the till server exports it (43 characters):
 * <pre>
 * SSSTTRRRRRRRRLLLPPPPPPQQQQAAAAAAAAAYYYYMMDD
 * 01103000007770010040070002000000998 20261125   (without the blank)
 * </pre>
 * store (3), till (2), receipt (8), line (3), PLU (6), quantity (4), amount in cents (9), business day (8).
 */
@FixedLengthRecord(length = 43)
public class EndOfDayLine {

    @DataField(pos = 1, length = 3)
    private int store;
    @DataField(pos = 4, length = 2)
    private int till;
    @DataField(pos = 6, length = 8)
    private int receipt;
    @DataField(pos = 14, length = 3)
    private int line;
    @DataField(pos = 17, length = 6)
    private int plu;
    @DataField(pos = 23, length = 4)
    private int quantity;
    @DataField(pos = 27, length = 9)
    private long amountCents;
    @DataField(pos = 36, length = 8)
    private String businessDay;

    public int store() {
        return store;
    }

    public int till() {
        return till;
    }

    public int receipt() {
        return receipt;
    }

    public int line() {
        return line;
    }

    public int plu() {
        return plu;
    }

    public int quantity() {
        return quantity;
    }

    public long amountCents() {
        return amountCents;
    }

    public String businessDay() {
        return businessDay;
    }
}
