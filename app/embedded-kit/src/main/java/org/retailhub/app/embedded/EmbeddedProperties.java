package org.retailhub.app.embedded;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded defaults of a first run: a real PostgreSQL (logical replication on) and an in-process
 * Kafka broker, both started by the hub itself. Switch off with {@code hub.embedded.enabled=false} and point
 * {@code spring.datasource.*} and {@code spring.kafka.bootstrap-servers} at real servers.
 *
 * @param enabled      start the embedded servers at all
 * @param dataDir      where PostgreSQL keeps its data between runs; blank = a fresh temporary folder per start
 * @param postgresPort port of the embedded PostgreSQL; 0 = any free port
 * @param kafkaPort    clients' port of the in-process Kafka broker (its log is kept beside PostgreSQL's data, in
 *                     {@code kafka}); 0 = any free port, named in the log
 */
public record EmbeddedProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("") String dataDir,
                                 @DefaultValue("5433") int postgresPort,
                                 @DefaultValue("0") int kafkaPort) {
}
