package org.retailhub.ops.rfid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retailhub.rfid.layout.StoreLayout;
import org.retailhub.rfid.reads.ReadBatch;
import org.retailhub.rfid.reads.ReaderFormat;
import org.retailhub.rfid.reads.ReaderMessages;
import org.retailhub.rfid.reads.TagRead;
import org.retailhub.rfid.smoothing.PresenceSmoothing;
import org.retailhub.simulator.rfid.ReaderMessage;
import org.retailhub.simulator.rfid.StoreFloor;

/**
 * Reads per second through the hub's read path without the broker: reader JSON (Zebra batches, Impinj lines) parsed
 * into canonical reads, each EPC decoded, its zone looked up and the read smoothed into presence. The messages are
 * made first (the simulator's store: 5 readers, a sweep every second with 95 % read rate, 30 % duplicates, 1 % of
 * the pieces moving per sweep), then fed through one thread, as one route consumer does. Several timed rounds after
 * a warm-up; the median decides. Writes {@code ops/bench/rfid/results/read-throughput-<time>.json}.
 *
 * <p>Arguments: {@code --pieces=5000 --sweeps=60 --rounds=5 --warm-up=2}.
 */
public final class ReadThroughputBenchmark {

    public static void main(String[] args) throws IOException {
        Map<String, Integer> options = options(args, Map.of("pieces", 5000, "sweeps", 60, "rounds", 5, "warm-up", 2));
        int pieces = options.get("pieces");
        double loadBefore = loadAverage();
        List<ReaderMessage> messages = traffic(pieces, options.get("sweeps"));
        ReaderMessages reading = new ReaderMessages(new ObjectMapper(), BenchStore.layout());
        for (int i = 0; i < options.get("warm-up"); i++) {
            round(reading, messages);
        }
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < options.get("rounds"); i++) {
            rounds.add(round(reading, messages));
        }
        double[] rates = rounds.stream().mapToDouble(Round::readsPerSecond).sorted().toArray();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "rfid-read-throughput");
        result.put("at", Instant.now().toString());
        result.put("pieces", pieces);
        result.put("messages", messages.size());
        result.put("readsPerRound", rounds.get(0).reads());
        result.put("changesPerRound", rounds.get(0).changes());
        result.put("duplicatesPerRound", rounds.get(0).duplicates());
        result.put("readsPerSecondMedian", Math.round(rates[rates.length / 2]));
        result.put("readsPerSecondMin", Math.round(rates[0]));
        result.put("readsPerSecondMax", Math.round(rates[rates.length - 1]));
        result.put("goalReadsPerSecond", 20_000);
        result.put("goalMet", rates[rates.length / 2] >= 20_000);
        result.put("roundsSeconds", rounds.stream().map(r -> r.elapsed().toMillis() / 1000.0).toList());
        result.put("loadAverageBefore", loadBefore);
        result.put("loadAverageAfter", loadAverage());
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        result.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        write("read-throughput", result);
    }

    static List<ReaderMessage> traffic(int pieces, int sweeps) {
        StoreFloor floor = BenchStore.floor(50, Math.max(1, pieces / 50), 12);
        List<ReaderMessage> messages = new ArrayList<>();
        Instant start = Instant.parse("2026-11-30T09:00:00Z");
        for (int sweep = 0; sweep < sweeps; sweep++) {
            floor.move(0.01, BenchStore.COUNTED_ZONES);
            floor.walkOut(0.001);
            messages.addAll(floor.sweep(start.plusSeconds(sweep), 0.95, 0.3));
        }
        return messages;
    }

    private static Round round(ReaderMessages reading, List<ReaderMessage> messages) {
        StoreLayout layout = BenchStore.layout();
        PresenceSmoothing smoothing = new PresenceSmoothing(Duration.ofSeconds(5));
        long reads = 0;
        long changes = 0;
        long started = System.nanoTime();
        for (ReaderMessage message : messages) {
            ReaderFormat format = message.topic().contains("/zebra/") ? ReaderFormat.ZEBRA : ReaderFormat.IMPINJ;
            ReadBatch batch = reading.read(format, BenchStore.reader(message.topic()), message.payload());
            for (TagRead read : batch.reads()) {
                changes += smoothing.accept(layout.zoneOf(layout.reader(read.reader()).orElseThrow(), read.antenna()), read).size();
                reads++;
            }
            if (!batch.refused().isEmpty()) {
                throw new IllegalStateException("the simulator's reads were refused: " + batch.refused());
            }
        }
        changes += smoothing.flush().size();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Round(reads, changes, smoothing.counts().duplicates(), elapsed);
    }

    static Map<String, Integer> options(String[] args, Map<String, Integer> defaults) {
        Map<String, Integer> options = new LinkedHashMap<>(defaults);
        Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("=")).forEach(a -> {
            String name = a.substring(2, a.indexOf('='));
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + defaults.keySet());
            }
            options.put(name, Integer.parseInt(a.substring(a.indexOf('=') + 1)));
        });
        return options;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    static void write(String name, Map<String, Object> result) throws IOException {
        Path folder = Path.of(System.getProperty("bench.results", "ops/bench/rfid/results"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + "-" + result.get("at").toString().replace(":", "").replaceAll("\\..*", "") + "Z.json");
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        Files.writeString(file, json + "\n");
        System.out.println(json);
        System.out.println("written to " + file);
    }

    private record Round(long reads, long changes, long duplicates, Duration elapsed) {
        double readsPerSecond() {
            return reads / (elapsed.toNanos() / 1e9);
        }
    }
}
