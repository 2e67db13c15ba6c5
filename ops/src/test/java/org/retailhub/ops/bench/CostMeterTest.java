package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CostMeterTest {

    @Test
    void cpuTimeOfAProcessGrowsWithTheWorkItDoes() {
        long pid = ProcessHandle.current().pid();
        long before = CostMeter.ticksOf(pid);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        long spin = 0;
        while (System.nanoTime() < until) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }
        // 400 ms of spinning is ~40 ticks of 10 ms; allow for a slow or shared core
        assertThat(CostMeter.ticksOf(pid) - before).as("ticks after spinning (%d)", spin).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aProcessTreeCountsItsChildrenThatAreStillRunning() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo spun; sleep 30").start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            long pid = ProcessHandle.current().pid();
            assertThat(out.readLine()).as("the child says when it has used some CPU").isEqualTo("spun");
            long childTicks = CostMeter.ticksOf(child.pid());
            long ownTicks = CostMeter.ticksOf(pid);
            assertThat(childTicks).as("the child's own CPU").isPositive();
            assertThat(CostMeter.treeTicks(pid)).isGreaterThanOrEqualTo(ownTicks + childTicks);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneCostsNothing() {
        assertThat(CostMeter.ticksOf(Long.MAX_VALUE)).isZero();
    }
}
