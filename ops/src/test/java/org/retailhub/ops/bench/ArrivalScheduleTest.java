package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void arrivalsAreDueOnTheScheduleNotWhenTheLastOneWasAnswered() {
        ArrivalSchedule schedule = new ArrivalSchedule(200);

        assertThat(schedule.dueMillis(1_000, 0)).isEqualTo(1_000);
        assertThat(schedule.dueMillis(1_000, 1)).isEqualTo(1_005);
        assertThat(schedule.dueMillis(1_000, 200)).isEqualTo(2_000);
    }

    @Test
    void aSenderThatFellBehindSendsAtOnceAndKeepsTheOriginalDueTimes() {
        List<Long> dues = new ArrayList<>();
        long start = System.currentTimeMillis() - 10_000;

        new ArrivalSchedule(100).run(start, 5, (i, due) -> dues.add(due));

        assertThat(dues).containsExactly(start, start + 10, start + 20, start + 30, start + 40);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new ArrivalSchedule(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
