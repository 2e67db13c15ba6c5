package org.retailhub.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server started from the hub's own code (zonky's packaged binaries), with
 * {@code wal_level=logical} so CDC works against it. Data survives a restart when given a folder.
 * The hub connects as the unprivileged role {@code hub}, owner of database {@code retailhub}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "retailhub";
    public static final String ROLE = "hub";
    /** Dev-only credential of the embedded default; the embedded server trusts local connections anyway. */
    public static final String DEV_ONLY_PASSWORD = "hub-dev-only";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // stopped by the application context after the pool and the engine, not by a racing JVM hook
                    .setRegisterShutdownHook(false)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("synchronous_commit", "on")
                    // commit times of rows: the order benchmark measures accepted -> CONFIRMED by them, CDC lag too
                    .setServerConfig("track_commit_timestamp", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            server.createDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        }
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

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
