package org.retailhub.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What orders cost the machine: CPU time of the hub's JVMs and of their PostgreSQL (postmaster, its live backends and
 * the ones it has already reaped) from {@code /proc}, and the hub database's commits and row writes per table from
 * PostgreSQL's cumulative statistics. A step reads one {@link Reading} before and one after and divides the difference by
 * its orders.
 *
 * <p>The figures are per process, so they hold on a busy machine too; latency does not. PostgreSQL publishes a backend's
 * counters when it goes idle (at most ten seconds later), so {@link #settleStatistics()} waits for that before the
 * second reading of the database's part.
 */
final class CostMeter implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on Linux for x86 and arm). */
    static final double TICKS_PER_SECOND = 100.0;
    /** PostgreSQL's PGSTAT_IDLE_INTERVAL plus a margin. */
    private static final long STATISTICS_FLUSH_MILLIS = 11_000;

    /** Counters at one moment. */
    record Reading(long hubTicks, long postgresTicks, long commits, Map<String, Long> rowWrites, long atMillis) {
    }

    /**
     * What one stretch of work cost per order: {@code cpuMs} all the CPU of the hub and PostgreSQL meanwhile,
     * {@code netCpuMs} less what they spend at rest ({@code idleCpuMsPerSecond}, read just before the work) over as long.
     */
    record PerOrder(long orders, double seconds, double hubCpuMs, double postgresCpuMs, double cpuMs, double netCpuMs,
                    double commits, double rowWrites, Map<String, Double> rowWritesByTable, double idleCpuMsPerSecond) {
    }

    private static final String ROW_WRITES = """
            select schemaname || '.' || relname, n_tup_ins + n_tup_upd + n_tup_del
              from pg_stat_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0""";

    private final List<Long> hubPids;
    private final Optional<Long> postmasterPid;
    private final Connection db;
    private double idleCpuMsPerSecond = Double.NaN;

    CostMeter(BenchSettings settings) throws SQLException {
        this.hubPids = settings.hubPids();
        this.postmasterPid = settings.postgresDataDir().flatMap(CostMeter::postmaster);
        this.db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        if (hubPids.isEmpty() || postmasterPid.isEmpty()) {
            Scenarios.log("CPU per order not measured: give --hub-pids and --pg-data-dir (ops/bench/run.sh does)");
        }
    }

    boolean measuresCpu() {
        return !hubPids.isEmpty() && postmasterPid.isPresent();
    }

    /**
     * Reads the hub at rest for a while: the CPU its pollers and engines spend with no order to work on (just after
     * a start that includes the CDC engines' first snapshot and the JIT compiler; each step reads it again first).
     */
    void measureIdle(long millis) throws SQLException, InterruptedException {
        Reading before = read();
        Thread.sleep(millis);
        Reading after = read();
        idleCpuMsPerSecond = round(ms(after.hubTicks() + after.postgresTicks() - before.hubTicks() - before.postgresTicks())
                / ((after.atMillis() - before.atMillis()) / 1000.0));
        Scenarios.log("hub at rest: %.1f ms of CPU per second (hub JVMs and PostgreSQL)", idleCpuMsPerSecond);
    }

    Reading read() throws SQLException {
        long hub = hubPids.stream().mapToLong(CostMeter::ticksOf).sum();
        long postgres = postmasterPid.map(CostMeter::treeTicks).orElse(0L);
        long commits;
        try (PreparedStatement s = db.prepareStatement(
                "select xact_commit from pg_stat_database where datname = current_database()");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            commits = rs.getLong(1);
        }
        Map<String, Long> writes = new LinkedHashMap<>();
        try (PreparedStatement s = db.prepareStatement(ROW_WRITES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                writes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return new Reading(hub, postgres, commits, writes, System.currentTimeMillis());
    }

    /** Waits until every backend has published the counters of the work just done. */
    static void settleStatistics() throws InterruptedException {
        Thread.sleep(STATISTICS_FLUSH_MILLIS);
    }

    /**
     * The cost of {@code orders} between two readings. CPU comes from {@code cpuAfter} (read as soon as the work was
     * done, so the statistics wait is not counted), the database's counters from {@code statsAfter}.
     */
    PerOrder perOrder(long orders, Reading before, Reading cpuAfter, Reading statsAfter) {
        double n = Math.max(1, orders);
        Map<String, Double> byTable = new LinkedHashMap<>();
        statsAfter.rowWrites().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.rowWrites().getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> byTable.put(e.getKey(), round(e.getValue() / n)));
        long totalWrites = statsAfter.rowWrites().entrySet().stream()
                .mapToLong(e -> e.getValue() - before.rowWrites().getOrDefault(e.getKey(), 0L)).sum();
        double hubMs = ms(cpuAfter.hubTicks() - before.hubTicks()) / n;
        double postgresMs = ms(cpuAfter.postgresTicks() - before.postgresTicks()) / n;
        double seconds = (cpuAfter.atMillis() - before.atMillis()) / 1000.0;
        double atRest = Double.isNaN(idleCpuMsPerSecond) ? 0 : idleCpuMsPerSecond * seconds / n;
        return new PerOrder(orders, round(seconds), round(hubMs), round(postgresMs), round(hubMs + postgresMs),
                round(Math.max(0, hubMs + postgresMs - atRest)), round((statsAfter.commits() - before.commits()) / n),
                round(totalWrites / n), byTable, idleCpuMsPerSecond);
    }

    private static double ms(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Optional<Long> postmaster(Path dataDir) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            Scenarios.log("no postmaster.pid in %s: %s", dataDir, e.getMessage());
            return Optional.empty();
        }
    }

    /** utime + stime of a process (all its threads), plus cutime + cstime of the children it has waited for. */
    static long ticksOf(long pid) {
        String[] f = stat(pid);
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** A postmaster and its live children: exited backends are in the postmaster's cutime and cstime. */
    static long treeTicks(long postmaster) {
        long total = ticksOf(postmaster);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            total += procs.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> {
                        String[] f = stat(pid);
                        return f != null && Long.parseLong(f[1]) == postmaster;
                    })
                    .map(CostMeter::ticksOf).sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return total;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (see {@link #statFields}), null when it is gone. */
    private static String[] stat(long pid) {
        return statFields(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /**
     * The fields of a process's or thread's {@code stat} file after its command name: [0] state, [1] ppid, ... [11] utime,
     * [12] stime. The name may hold ')' and spaces, so they are read after the last ')'. Null when the file is gone.
     */
    static String[] statFields(Path stat) {
        try {
            String line = Files.readString(stat);
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
