package org.retailhub.app.rfid;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.retailhub.rfid.intake.ReaderIntakeProperties;
import org.retailhub.simulator.rfid.ReaderMessage;
import org.retailhub.simulator.rfid.SimulatedReader;
import org.retailhub.simulator.rfid.SimulatedTag;
import org.retailhub.simulator.rfid.StoreFloor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The embedded default's store readers ({@link RfidSimulatorProperties}): once the hub is ready, a simulated store floor
 * ({@link StoreFloor}) publishes an inventory round of every reader on the hub's MQTT broker each sweep interval, over
 * a real MQTT connection like a reader in a store. Pieces are numbered per article from 1, as tags are encoded.
 */
@Component
@ConditionalOnProperty(name = "hub.rfid.simulator.enabled", havingValue = "true")
class InProcessReaderSimulator implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessReaderSimulator.class);

    private final RfidSimulatorProperties properties;
    private final ReaderIntakeProperties intake;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rfid-reader-simulator"));
    private MqttClient client;

    InProcessReaderSimulator(RfidSimulatorProperties properties, ReaderIntakeProperties intake) {
        this.properties = properties;
        this.intake = intake;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        List<SimulatedReader> readers = properties.readers().stream()
                .map(r -> new SimulatedReader(r.id(), r.vendor(), r.zone(), r.antennas())).toList();
        List<String> zones = readers.stream().filter(r -> !r.id().equals(properties.doorReader())).map(SimulatedReader::zone).distinct().toList();
        StoreFloor floor = new StoreFloor(readers, properties.doorReader().isBlank() ? null : properties.doorReader(), intake.topicPrefix(), 42);
        properties.pieces().forEach((sku, pieces) -> {
            for (int serial = 1; serial <= pieces; serial++) {
                floor.place(zones.get(floor.random().nextInt(zones.size())), SimulatedTag.of(Integer.parseInt(sku.substring(sku.indexOf('-') + 1)), serial));
            }
        });
        try {
            client = new MqttClient(intake.brokerUrl(), "retail-hub-reader-simulator", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setAutomaticReconnect(true);
            client.connect(options);
        } catch (MqttException e) {
            log.warn("RFID reader simulator cannot reach the MQTT broker {}: {}", intake.brokerUrl(), e.getMessage());
            return;
        }
        rounds.scheduleWithFixedDelay(() -> sweep(floor, zones), 0, properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("RFID reader simulator: {} readers, {} pieces, a round every {} on {}", readers.size(),
                properties.pieces().values().stream().mapToInt(Integer::intValue).sum(), properties.sweepInterval(), intake.brokerUrl());
    }

    private void sweep(StoreFloor floor, List<String> zones) {
        try {
            floor.move(properties.moveRate(), zones);
            floor.walkOut(properties.walkOutRate());
            for (ReaderMessage message : floor.sweep(Instant.now(), properties.readRate(), properties.duplicateRate())) {
                client.publish(message.topic(), message.payload(), 1, false);
            }
        } catch (MqttException | RuntimeException e) {
            log.warn("RFID reader simulator round failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        rounds.shutdownNow();
        try {
            if (client != null && client.isConnected()) {
                client.disconnect();
            }
            if (client != null) {
                client.close();
            }
        } catch (MqttException e) {
            log.debug("RFID reader simulator closed uncleanly: {}", e.getMessage());
        }
    }
}
