package org.retailhub.domain.replenishment.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The daily demand of one article in one store: one quantity per calendar day from {@code firstDay}, without holes.
 * A quantity is units sold net of returns, so a day may be negative.
 *
 * <p>Built from sales records with {@link #fromRecords}: a day without a record is a day without a sale (the hub's
 * sales history is an event log, which has no line for such a day), so it becomes zero, and the series remembers
 * how many days it filled that way ({@code unrecordedDays}).
 *
 * @param firstDay       the day of the first quantity
 * @param quantities     one quantity per day, oldest first
 * @param unrecordedDays days between the first and last record that had no record and were taken as zero sales
 */
public record DemandSeries(LocalDate firstDay, double[] quantities, int unrecordedDays) {

    public DemandSeries {
        Objects.requireNonNull(firstDay, "firstDay");
        quantities = quantities.clone();
        if (quantities.length == 0) {
            throw new IllegalArgumentException("a demand series needs at least one day");
        }
        for (int day = 0; day < quantities.length; day++) {
            if (!Double.isFinite(quantities[day])) {
                throw new IllegalArgumentException("quantity on " + firstDay.plusDays(day) + " is not a number");
            }
        }
        if (unrecordedDays < 0 || unrecordedDays >= quantities.length) {
            throw new IllegalArgumentException("unrecorded days must be between 0 and the length - 1: " + unrecordedDays);
        }
    }

    /** A series with a quantity for every day from {@code firstDay}. */
    public static DemandSeries of(LocalDate firstDay, double... quantities) {
        return new DemandSeries(firstDay, quantities, 0);
    }

    /**
     * The series spanned by the given records, in any order: records of the same day add up (several sales lines),
     * days without a record are zero sales.
     */
    public static DemandSeries fromRecords(Collection<DailyQuantity> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a demand series needs at least one day");
        }
        TreeMap<LocalDate, Double> byDay = new TreeMap<>();
        records.forEach(r -> byDay.merge(r.day(), r.quantity(), Double::sum));
        LocalDate first = byDay.firstKey();
        double[] quantities = new double[Math.toIntExact(ChronoUnit.DAYS.between(first, byDay.lastKey()) + 1)];
        byDay.forEach((day, quantity) -> quantities[(int) ChronoUnit.DAYS.between(first, day)] = quantity);
        return new DemandSeries(first, quantities, quantities.length - byDay.size());
    }

    /** The quantities, oldest first (a copy). */
    @Override
    public double[] quantities() {
        return quantities.clone();
    }

    public int days() {
        return quantities.length;
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(quantities.length - 1L);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DemandSeries that && firstDay.equals(that.firstDay)
                && Arrays.equals(quantities, that.quantities) && unrecordedDays == that.unrecordedDays;
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstDay, Arrays.hashCode(quantities), unrecordedDays);
    }

    @Override
    public String toString() {
        return "DemandSeries[" + firstDay + " .. " + lastDay() + ", " + quantities.length + " days, "
                + unrecordedDays + " unrecorded]";
    }
}
