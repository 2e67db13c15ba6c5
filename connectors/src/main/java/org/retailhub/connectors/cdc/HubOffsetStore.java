package org.retailhub.connectors.cdc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Debezium's source offsets in the hub's database (table {@code hub.cdc_offset}) instead of a local file: they
 * survive a restart and move with the leader lock to whichever hub instance runs the engine next.
 * Configured through the engine properties {@code offset.storage.hub.*}.
 */
public class HubOffsetStore extends MemoryOffsetBackingStore {

    static final String URL = "offset.storage.hub.url";
    static final String USER = "offset.storage.hub.user";
    static final String PASSWORD = "offset.storage.hub.password";
    static final String ENGINE = "offset.storage.hub.engine";

    private String url;
    private String user;
    private String password;
    private String engine;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Map<String, String> settings = config.originalsStrings();
        url = settings.get(URL);
        user = settings.get(USER);
        password = settings.get(PASSWORD);
        engine = settings.get(ENGINE);
    }

    @Override
    public synchronized void start() {
        super.start();
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("select offset_key, offset_value from hub.cdc_offset where engine = ?")) {
            ps.setString(1, engine);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    data.put(bytes(rs.getString(1)), bytes(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the CDC offsets of " + engine, e);
        }
    }

    @Override
    protected void save() {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("insert into hub.cdc_offset (engine, offset_key, offset_value) values (?, ?, ?) "
                     + "on conflict (engine, offset_key) do update set offset_value = excluded.offset_value, updated_at = now()")) {
            for (Map.Entry<ByteBuffer, ByteBuffer> e : data.entrySet()) {
                ps.setString(1, engine);
                ps.setString(2, text(e.getKey()));
                ps.setString(3, text(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the CDC offsets of " + engine, e);
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return Set.of();
    }

    private static ByteBuffer bytes(String text) {
        return text == null ? null : ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
