package org.retailhub.connectors.cdc;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.retailhub.domain.consistency.Island;
import org.retailhub.domain.consistency.IslandChange;
import org.retailhub.domain.consistency.IslandChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One island's Debezium engine (pgoutput, its own replication slot, the island's publication), run only while this
 * instance holds the island's leader lock: a PostgreSQL advisory lock on a connection kept open for that purpose.
 * Changes go to the receiver in commit order, a polled batch at a time; offsets are stored after the receiver took it.
 */
final class IslandCapture {

    private static final Logger log = LoggerFactory.getLogger(IslandCapture.class);

    private final CapturedDatabase database;
    private final CdcProperties properties;
    private final HubConnection hubLogin;
    private final IslandChanges receiver;
    private final ChangeEventDecoder decoder = new ChangeEventDecoder();
    private final ExecutorService runner;
    private Connection lock;
    private DebeziumEngine<ChangeEvent<String, String>> engine;
    private volatile boolean running;

    /** Where the offset store finds the hub's database (it runs outside Spring, inside the engine). */
    record HubConnection(String url, String user, String password) {
    }

    IslandCapture(CapturedDatabase database, CdcProperties properties, HubConnection hubLogin, IslandChanges receiver) {
        this.database = database;
        this.properties = properties;
        this.hubLogin = hubLogin;
        this.receiver = receiver;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cdc-" + name());
            t.setDaemon(true);
            return t;
        });
    }

    String name() {
        return "retailhub-" + database.island().name().toLowerCase();
    }

    boolean running() {
        return running;
    }

    Island island() {
        return database.island();
    }

    /** Starts the engine when the lock is free; a no-op while it runs here or another instance leads. */
    synchronized void lead() {
        if (running) {
            return;
        }
        try {
            if (lock == null || lock.isClosed()) {
                // a connection of its own, not from the pool: closing it must end the session and so the lock
                lock = DriverManager.getConnection(hubLogin.url(), hubLogin.user(), hubLogin.password());
            }
            try (PreparedStatement ps = lock.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                ps.setString(1, name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("CDC {}: could not try the leader lock: {}", name(), e.getMessage());
            releaseLock();
            return;
        }
        String tables;
        try {
            tables = publishedTables();
        } catch (SQLException e) {
            log.warn("CDC {}: could not read the tables of publication {}: {}", name(), properties.publication(), e.getMessage());
            releaseLock();
            return;
        }
        engine = DebeziumEngine.create(Json.class)
                .using(engineProperties(tables))
                .notifying(this::handle)
                .using((success, message, error) -> finished(success, message, error))
                .build();
        running = true;
        runner.execute(engine);
        log.info("CDC {}: leader lock taken, capturing {}", name(), database.database());
    }

    private void handle(List<ChangeEvent<String, String>> events, DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        List<IslandChange> changes = new ArrayList<>(events.size());
        for (ChangeEvent<String, String> event : events) {
            if (event.value() != null && !event.destination().startsWith("__debezium-heartbeat")) {
                changes.add(decoder.decode(database.island(), event.value()));
            }
        }
        receiver.acceptAll(changes);
        for (ChangeEvent<String, String> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
    }

    private synchronized void finished(boolean success, String message, Throwable error) {
        running = false;
        if (!success) {
            log.warn("CDC {} stopped: {}; retrying under the leader lock", name(), message, error);
        }
        releaseLock();
    }

    synchronized void stop() {
        if (engine != null) {
            try {
                engine.close();
            } catch (IOException e) {
                log.warn("CDC {}: engine did not close cleanly", name(), e);
            }
            engine = null;
        }
        running = false;
        releaseLock();
    }

    void shutdown() {
        stop();
        runner.shutdownNow();
    }

    private void releaseLock() {
        if (lock != null) {
            try {
                lock.close(); // closing the session releases the advisory lock
            } catch (SQLException e) {
                log.debug("CDC {}: lock connection already gone", name());
            }
            lock = null;
        }
    }

    /**
     * The tables the island publishes for the hub, as Debezium's include list: its snapshot would otherwise read every
     * table it can see, and the capture role may read only the published ones (the islands' history tables, say, are
     * the migration's, not CDC's).
     */
    private String publishedTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection island = DriverManager.getConnection(database.jdbcUrl(), properties.username(),
                properties.password() == null ? "" : properties.password());
             PreparedStatement ps = island.prepareStatement(
                     "select schemaname || '.' || tablename from pg_publication_tables where pubname = ? order by 1")) {
            ps.setString(1, properties.publication());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1).replace(".", "\\.")); // the include list holds regular expressions
                }
            }
        }
        if (tables.isEmpty()) {
            throw new SQLException("publication " + properties.publication() + " names no table in " + database.database());
        }
        return String.join(",", tables);
    }

    private Properties engineProperties(String tables) {
        String island = database.island().name().toLowerCase();
        Properties p = new Properties();
        p.setProperty("name", name());
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", HubOffsetStore.class.getName());
        p.setProperty(HubOffsetStore.URL, hubLogin.url());
        p.setProperty(HubOffsetStore.USER, hubLogin.user());
        p.setProperty(HubOffsetStore.PASSWORD, hubLogin.password() == null ? "" : hubLogin.password());
        p.setProperty(HubOffsetStore.ENGINE, name());
        p.setProperty("offset.flush.interval.ms", "0");
        p.setProperty("database.hostname", database.host());
        p.setProperty("database.port", String.valueOf(database.port()));
        p.setProperty("database.dbname", database.database());
        p.setProperty("database.user", properties.username());
        p.setProperty("database.password", properties.password() == null ? "" : properties.password());
        p.setProperty("topic.prefix", island);
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", properties.slotPrefix() + island);
        p.setProperty("slot.drop.on.stop", "false");
        p.setProperty("publication.name", properties.publication());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("table.include.list", tables);
        p.setProperty("poll.interval.ms", String.valueOf(properties.pollInterval().toMillis()));
        p.setProperty("heartbeat.interval.ms", String.valueOf(properties.heartbeatInterval().toMillis()));
        p.setProperty("heartbeat.action.query",
                "insert into cdc_heartbeat (id, beat_at) values (1, now()) on conflict (id) do update set beat_at = now()");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        p.setProperty("errors.max.retries", "3");
        return p;
    }
}
