package org.retailhub.simulator.rfid;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated store's shop floor: tagged pieces lying in zones, fixed readers over the zones and the door, customers
 * carrying pieces from one zone to another or out of the door. Each {@link #sweep} is one inventory round of every
 * reader: each piece in a reader's zone is read with the read rate's probability, on one of its antennas, and again on
 * another antenna with the duplicate rate's; a piece leaving is read at the door. Not thread-safe.
 */
public final class StoreFloor {

    private static final DateTimeFormatter ZEBRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private final Map<String, List<SimulatedTag>> zones = new LinkedHashMap<>();
    private final List<SimulatedReader> readers;
    private final String doorReader;
    private final String topicPrefix;
    private final Random random;
    private final List<SimulatedTag> leaving = new ArrayList<>();
    private int batch = 50;

    /**
     * @param doorReader the reader at the door ({@code null}: pieces leave unseen)
     * @param seed       the same seed, the same store and reads
     */
    public StoreFloor(List<SimulatedReader> readers, String doorReader, String topicPrefix, long seed) {
        this.readers = List.copyOf(readers);
        this.doorReader = doorReader;
        this.topicPrefix = topicPrefix;
        this.random = new Random(seed);
        readers.forEach(r -> zones.putIfAbsent(r.zone(), new ArrayList<>()));
    }

    /** Tag reads per message (a reader's batch). */
    public StoreFloor batch(int readsPerMessage) {
        this.batch = readsPerMessage;
        return this;
    }

    public void place(String zone, SimulatedTag tag) {
        zones.get(zone).add(tag);
    }

    /** Every piece in the store now, by zone. */
    public Map<String, List<SimulatedTag>> zones() {
        return zones;
    }

    public Random random() {
        return random;
    }

    /** Each piece moves to another (not door) zone with this probability. */
    public int move(double probability, List<String> into) {
        int moved = 0;
        for (List<SimulatedTag> tags : zones.values()) {
            for (int i = tags.size() - 1; i >= 0; i--) {
                if (random.nextDouble() < probability) {
                    zones.get(into.get(random.nextInt(into.size()))).add(tags.remove(i));
                    moved++;
                }
            }
        }
        return moved;
    }

    /** Each piece leaves through the door with this probability (read there in the next sweep); returns those that left. */
    public List<SimulatedTag> walkOut(double probability) {
        List<SimulatedTag> out = new ArrayList<>();
        for (List<SimulatedTag> tags : zones.values()) {
            for (int i = tags.size() - 1; i >= 0; i--) {
                if (random.nextDouble() < probability) {
                    out.add(tags.remove(i));
                }
            }
        }
        leaving.addAll(out);
        return out;
    }

    /** One inventory round of every reader starting at {@code start}, reads 1 ms apart per reader. */
    public List<ReaderMessage> sweep(Instant start, double readRate, double duplicateRate) {
        List<ReaderMessage> messages = new ArrayList<>();
        for (SimulatedReader reader : readers) {
            List<SimulatedTag> field = reader.id().equals(doorReader) ? leaving : zones.get(reader.zone());
            List<String> reads = new ArrayList<>();
            long at = start.toEpochMilli();
            for (SimulatedTag tag : field) {
                if (random.nextDouble() >= readRate) {
                    continue;
                }
                int antenna = 1 + random.nextInt(reader.antennas());
                reads.add(event(reader, tag, antenna, at++));
                if (reader.antennas() > 1 && random.nextDouble() < duplicateRate) {
                    reads.add(event(reader, tag, 1 + antenna % reader.antennas(), at));
                }
                if (reads.size() >= batch) {
                    messages.add(message(reader, reads));
                    reads = new ArrayList<>();
                }
            }
            if (!reads.isEmpty()) {
                messages.add(message(reader, reads));
            }
        }
        leaving.clear();
        return messages;
    }

    private String event(SimulatedReader reader, SimulatedTag tag, int antenna, long at) {
        Instant time = Instant.ofEpochMilli(at);
        int rssi = -45 - random.nextInt(30);
        if (reader.vendor().equals("zebra")) {
            return "{\"type\":\"SIMPLE\",\"timestamp\":\"" + ZEBRA_TIME.format(time.atOffset(java.time.ZoneOffset.UTC))
                    + "\",\"data\":{\"eventNum\":" + at % 100_000 + ",\"format\":\"epc\",\"idHex\":\"" + tag.hex().toLowerCase()
                    + "\",\"antenna\":" + antenna + ",\"peakRssi\":" + rssi + ",\"reads\":1}}";
        }
        return "{\"timestamp\":\"" + time + "\",\"hostname\":\"" + reader.id() + "\",\"eventType\":\"tagInventory\","
                + "\"tagInventoryEvent\":{\"epcHex\":\"" + tag.hex() + "\",\"antennaPort\":" + antenna + ",\"antennaName\":\"Antenna "
                + antenna + "\",\"peakRssiCdbm\":" + rssi * 100 + ",\"lastSeenTime\":\"" + time + "\"}}";
    }

    private ReaderMessage message(SimulatedReader reader, List<String> events) {
        String payload = reader.vendor().equals("zebra") ? "[" + String.join(",", events) + "]" : String.join("\n", events) + "\n";
        return new ReaderMessage(reader.topic(topicPrefix), payload.getBytes(StandardCharsets.UTF_8));
    }
}
