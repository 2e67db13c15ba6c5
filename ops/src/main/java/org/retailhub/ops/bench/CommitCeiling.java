package org.retailhub.ops.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the disk allows: single-row inserts, each its own durable commit ({@code synchronous_commit} as the
 * server has it), in a loop for a while, from one client and from many (PostgreSQL groups concurrent commits
 * into one flush). An equivalent of {@code pgbench} with a one-insert script, without needing its binary.
 */
final class CommitCeiling {

    /** Commits per second with one client and with {@code clients} clients. */
    record Result(double oneClient, int clients, double manyClients) {
    }

    private final BenchSettings settings;

    CommitCeiling(BenchSettings settings) {
        this.settings = settings;
    }

    Result measure(int clients) throws SQLException, InterruptedException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("create table if not exists bench.commit_probe (id bigserial primary key, at timestamptz not null default clock_timestamp(), note text)");
        }
        try {
            double one = run(1);
            double many = run(clients);
            return new Result(one, clients, many);
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("drop schema bench cascade");
            }
        }
    }

    private double run(int clients) throws InterruptedException {
        LongAdder commits = new LongAdder();
        long until = System.nanoTime() + settings.ceilingTime().toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = connect();
                     PreparedStatement insert = c.prepareStatement("insert into bench.commit_probe (note) values (?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < until) {
                        insert.setString(1, "ceiling");
                        insert.executeUpdate();
                        commits.increment();
                    }
                } catch (SQLException e) {
                    errors.add(e);
                }
            }, "ceiling-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("commit ceiling loop failed", errors.get(0));
        }
        return commits.sum() / (Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
    }
}
