package org.retailhub.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's JIT compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…}), from
 * {@code /proc/<pid>/task}. The actuator's {@code jvm.compilation.time} is elapsed time spent compiling, waits for a core
 * included: on two loaded cores it read 1.2 compiler threads busy while the compiler threads used 0.07 of a core
 * (ops/bench/RESULTS.md, run 10), so a warm-up that waits for a quiet JIT must read CPU instead. A compiler thread the JVM
 * retired (HotSpot starts and stops them as its queues grow and shrink) takes its time with it, so a reading can fall;
 * {@link HubMetrics.Reading#compilingSince} counts no negative time.
 */
final class CompilerThreads {

    private CompilerThreads() {
    }

    /** The compiler threads' user + system time in ms, 0 when {@code proc} has no such process. */
    static double cpuMs(Path proc, long pid) {
        Path tasks = proc.resolve(Long.toString(pid)).resolve("task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(CompilerThreads::isCompiler).mapToLong(CompilerThreads::ticks).sum() * 1000.0 / CostMeter.TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + tasks, e);
        }
    }

    private static boolean isCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
    }

    /** utime + stime of one thread, 0 when it ended meanwhile. */
    private static long ticks(Path task) {
        String[] f = CostMeter.statFields(task.resolve("stat"));
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
