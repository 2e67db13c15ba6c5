package org.retailhub.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JIT's CPU is its compiler threads' user + system time, whatever the other threads are called. */
class CompilerThreadsTest {

    @TempDir
    Path proc;

    @Test
    void sumsTheCompilerThreadsOnlyAndReadsNamesWithBracketsAndSpaces() throws IOException {
        thread(4242, 1, "java", 900, 100);
        thread(4242, 2, "C2 CompilerThre", 250, 50);
        thread(4242, 3, "C1 CompilerThre", 40, 10);
        // a name with ')' and spaces: the fields are read after the last ')'
        thread(4242, 4, "Camel (camel-1)", 7000, 700);

        assertThat(CompilerThreads.cpuMs(proc, 4242)).isEqualTo((250 + 50 + 40 + 10) * 10.0);
        assertThat(CompilerThreads.cpuMs(proc, 4243)).as("no such process").isZero();
    }

    @Test
    void readsThisJvmsOwnCompilerThreadsFromTheRealProc() {
        long self = ProcessHandle.current().pid();
        assertThat(Files.isDirectory(Path.of("/proc", Long.toString(self), "task"))).as("this test needs Linux's /proc").isTrue();
        assertThat(CompilerThreads.cpuMs(Path.of("/proc"), self)).as("this JVM has compiled something by now").isPositive();
    }

    /** A thread as /proc shows it: its name in comm, utime and stime as fields 14 and 15 of stat. */
    private void thread(long pid, long tid, String name, long utime, long stime) throws IOException {
        Path task = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(task.resolve("comm"), name + "\n");
        Files.writeString(task.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 1 0 100 0 0 18446744073709551615\n");
    }
}
