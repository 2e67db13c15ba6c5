package org.retailhub.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server started from the hub's own code (zonky's packaged binaries), with
 * {@code wal_level=logical} so CDC works against it. Data survives a restart when given a folder.
 * The hub connects as the unprivileged role {@code hub}, owner of database {@code retailhub}.
 * <p>
 * The server is an operating system process of its own: a hub killed with SIGKILL leaves it running, holding the data
 * folder and its port. The next start on that folder stops such an orphan first (see {@link #stopOrphan}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** zonky's lock file in the data folder, held by the JVM that started the server for as long as it lives. */
    private static final String OWNER_LOCK = "epg-lock";
    /** How long a server may take to start (crash recovery on a busy machine included) or to stop. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    public static final String DATABASE = "retailhub";
    public static final String ROLE = "hub";
    /** Dev-only credential of the embedded default; the embedded server trusts local connections anyway. */
    public static final String DEV_ONLY_PASSWORD = "hub-dev-only";

    private final EmbeddedPostgres postgres;
    private final OptionalLong orphanStopped;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, OptionalLong orphanStopped) {
        this.postgres = postgres;
        this.orphanStopped = orphanStopped;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            OptionalLong orphan = stopOrphan(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(PATIENCE)
                    // stopped by the application context after the pool and the engine, not by a racing JVM hook
                    .setRegisterShutdownHook(false)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("max_replication_slots", "10")
                    // two hub instances on it (docs/architecture.md, "Scale-out"): each opens its pool (32) at once,
                    // plus ~25 sessions of CDC, islands and locks; 200 refused the second instance's last sessions
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("synchronous_commit", "on")
                    // commit times of rows: the order benchmark measures accepted -> CONFIRMED by them, CDC lag too
                    .setServerConfig("track_commit_timestamp", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), orphan);
            server.createDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    /** The process id of the server a killed hub had left running on the data folder, which this start stopped first. */
    public OptionalLong orphanStopped() {
        return orphanStopped;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The hub's connection URL; batched inserts (Camunda flushes in batches) travel as one multi-row insert. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE + "?reWriteBatchedInserts=true";
    }

    /** Superuser access, for tests and tools that set up replication. */
    public DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    private void createDatabase() {
        ensureRole(ROLE, DEV_ONLY_PASSWORD, true);
        ensureDatabase(DATABASE, ROLE);
    }

    /**
     * The legacy islands' own databases beside the hub's (database {@code legacy_<island>}, owner
     * {@code <island>_owner}), and the capture role: it may replicate and read, nothing else.
     */
    public void createLegacyDatabases(Iterable<String> islands) {
        ensureRole(CDC_ROLE, DEV_ONLY_PASSWORD, true);
        for (String island : islands) {
            ensureRole(island + "_owner", DEV_ONLY_PASSWORD, false);
            ensureDatabase(legacyDatabase(island), island + "_owner");
        }
    }

    public static final String CDC_ROLE = "retailhub_cdc";

    public static String legacyDatabase(String island) {
        return "legacy_" + island;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    // identifiers and the dev-only password are constants of this class, never input
    private void ensureRole(String role, String password, boolean replication) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, role);
            if (!exists.executeQuery().next()) {
                s.execute("create role " + role + " login " + (replication ? "replication " : "") + "password '" + password + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create role " + role + " on the embedded PostgreSQL", e);
        }
    }

    private void ensureDatabase(String database, String owner) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                s.execute("create database " + database + " owner " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + database + " on the embedded PostgreSQL", e);
        }
    }

    /**
     * Stops the server a killed hub left running on this data folder, if any: with no live process holding the folder
     * (zonky's lock file in it), a live postmaster named in {@code postmaster.pid} is an orphan. It gets a fast shutdown
     * (SIGINT: sessions end, a checkpoint is written), an immediate one (SIGQUIT) if it does not go within a minute.
     * Its data is the hub's own, committed work included; only sessions of the dead hub, already gone, are lost.
     *
     * @return the process id of the orphan that was stopped, if there was one
     * @throws IllegalStateException when a running hub (in this JVM or another) holds the folder
     */
    public static OptionalLong stopOrphan(Path dataDir) {
        Optional<ProcessHandle> postmaster = postmasterOf(dataDir);
        if (postmaster.isEmpty()) {
            return OptionalLong.empty();
        }
        Path lockFile = dataDir.resolve(OWNER_LOCK);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock owner = tryLock(channel)) {
            if (owner == null) {
                throw new IllegalStateException("the PostgreSQL data folder " + dataDir + " is in use by a running hub (it holds "
                        + lockFile + "); stop that hub first, or give this one another hub.embedded.data-dir");
            }
            long pid = postmaster.get().pid();
            if (!stop(postmaster.get(), "INT") && !stop(postmaster.get(), "QUIT")) {
                throw new IllegalStateException("the orphaned PostgreSQL (pid " + pid + ") on " + dataDir + " did not stop; stop it by hand");
            }
            return OptionalLong.of(pid);
        } catch (IOException e) {
            throw new UncheckedIOException("could not check who holds " + lockFile, e);
        }
    }

    /** The live postmaster that {@code postmaster.pid} names for this folder; a stale file (PostgreSQL copes with it) gives none. */
    private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pidFile, e);
        }
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")
                || !Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** Sends the postmaster a signal (SIGTERM, a smart shutdown, where {@code kill} is missing) and waits for it to go. */
    private static boolean stop(ProcessHandle postmaster, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(postmaster.pid())).inheritIO().start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException noKillCommand) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            postmaster.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
