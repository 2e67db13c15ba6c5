package org.retailhub.domain.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A real PostgreSQL for domain integration tests, migrated with the hub's own Flyway scripts. */
public final class HubDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;

    private HubDatabase(EmbeddedPostgres postgres, HikariDataSource dataSource) {
        this.postgres = postgres;
        this.dataSource = dataSource;
    }

    public static HubDatabase start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(64);
            HikariDataSource ds = new HikariDataSource(config);
            Flyway.configure().dataSource(ds).schemas("hub").defaultSchema("hub").createSchemas(true)
                    .locations("classpath:db/hub", "classpath:db/sample").load().migrate();
            return new HubDatabase(postgres, ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A received web order of store STORE-001 to hang reservations on. */
    public UUID newOrder() {
        UUID id = UUID.randomUUID();
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update("""
                insert into hub.customer_order (id, channel, external_id, store_id, loyalty_tier, allow_partial, status, currency)
                values (?, 'WEB', ?, 'STORE-001', 'NONE', false, 'RECEIVED', 'EUR')""", id, id.toString());
        return id;
    }

    /** The events the outbox holds for the topic, oldest first: what the relay publishes there. */
    public List<JsonNode> queued(String topic) {
        ObjectMapper json = new ObjectMapper();
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource).query("select payload::text from hub.outbox where topic = ? order by seq",
                (rs, i) -> {
                    try {
                        return json.readTree(rs.getString(1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, topic);
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        postgres.close();
    }
}
